"""The file-layout example of the language design (LANGUAGE.md §3), kept in the
tests so that they run in any clone; test_check.py checks that it is still the design's."""

LAYOUT_EXAMPLE = """\
细则：2023年“双节”及省“两会”期间信访稳定工作考评细则（节选）
年度：2023
满分：10分
精度：0.01              # optional: reported scores rounded half-up (四舍五入) to this step
考评对象：各乡镇中心校，县管各学校     # optional, free text

数据：                  # input facts (see §3.2)
  缺会次数：次，默认0          # 查阅会议记录
  统计表按时上报：是否
  落实包案领导：是否
  落实化解方案：是否
  落实稳控措施：是否

参数：                  # named constants of this year's rules
  隐患化解率目标 = 80%

(一)领导重视程度(5分)
  说明：每周召开一次会议研究部署信访稳定工作……查阅会议记录，每缺1次扣1分。
  - 【缺会次数】每缺1次扣1分

(二)矛盾纠纷排查化解(5分)
  1、1月9日前上报矛盾纠纷排查化解统计表(2分)
    - 【统计表按时上报】得2分，否则不得分
  2、落实包案领导、化解方案和稳控措施(3分)
    - 【落实包案领导】、【落实化解方案】、【落实稳控措施】每缺1项扣1分

等次：
  优秀：9分以上
  合格：6分以上
  不合格：其余

测试 “缺会两次”：
  【缺会次数】= 2
  期望 总分 = 8，(一) = 3，等次 = 合格
"""
