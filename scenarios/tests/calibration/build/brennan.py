from lib import *
s = "brennan-family"

M(s, 1, "excellent", "own-words", model(s),
  ["Kieran's school and his family support worker worry that on the days Siobhan's MS is bad, Kieran will keep staying at home to look after her and Orla. He could get so far behind that he finishes school with no exams to show for it, and he will stay worn out and lose touch with his friends."],
  ["Between now and the summer holidays Kieran will be in school every day, even on his mum's bad days. Maeve and Mrs Adeyemi will share Orla's walk to school and her pick-up, and the school will check the register and tell the family support worker each week. Kieran will have time for football and his mates."],
  5, "Kieran has lost 19 days and is exhausted, and Siobhan is frightened of services, but on all eight of Mrs Adeyemi's school-run days Kieran got to school on time.",
  86, 100, "pass",
  "Correct sorting, a worry statement that says who is worried, what Kieran will do, what it will cost him and that it will go on, and a goal with present behaviour, named helpers, checking and time; in-range scale with a case reason.")

M(s, 2, "good_slips", "three-cards-no-impact", model(s, kind_brother=F, came_to_meetings=F, fears_services=H),
  ["The school is worried that Kieran will keep missing school to care for his mum and Orla when Siobhan is unwell."],
  ["For the rest of the school year Kieran will be at school every day. Maeve and Mrs Adeyemi will take turns to do Orla's school run on bad days, and the school will let the family support worker know his attendance each week."],
  3, "Kieran has missed 19 days and his mum doesn't see the worry yet, though Mrs Adeyemi's school runs have helped.",
  72, 90, "pass",
  "Three right-column-wrong-category slips, a statement that omits the impact on Kieran (falling behind, tiredness), a complete goal, and a scale one below range with a case reason.")

M(s, 3, "concise_good", "elearning-style", model(s),
  ["The school is worried that Kieran will keep staying home to care for his mum and Orla, and will fall behind, miss his exams and be worn out."],
  ["Every school day this year Kieran will be in school on time, Maeve or Mrs Adeyemi will do Orla's school run, and the school will tell the support worker each week."],
  5, "19 days lost, but Kieran was in school on all eight of Mrs Adeyemi's days.",
  85, 100, "pass",
  "Dense, correct one-sentence statement and goal with every element, in words Siobhan and Kieran would use.")

M(s, 4, "mediocre", "half-sorted-vague",
  model(s, falling_behind=C, kieran_tired=C, mum_illness=H, money=S, kind_brother=F,
        aunt_offer=F, neighbour_school_run=S),
  ["Kieran is a young carer and his attendance is not good, which we are worried about."],
  ["Kieran should go to school more and get some support."],
  6, "Mum is trying.",
  40, 62, "fail",
  "Roughly 60% of sorting credit (Siobhan's illness called harm, money in the wrong column, the real safety demoted), a vague statement with no impact or future, a goal with no helper, checking or timescale, and an in-range number with a reason that says almost nothing.")

M(s, 5, "poor_jargon", "attendance-labels",
  {"attendance-drop": C, "falling-behind": C, "kieran-tired": S, "orla-collected-late": C,
   "mum-illness": H, "fears-services": H, "money": H, "kind-brother": F,
   "orla-doing-well": F, "came-to-meetings": F, "aunt-offer": F, "neighbour-school-run": C},
  ["Persistent absence; Kieran is a young carer and mum is non-engaging and resistant to EHA. Risk of significant harm to educational outcomes."],
  ["TAF to meet and young carer assessment to be completed. Attendance to improve."],
  2, "Persistent absence.",
  8, 32, "fail",
  "Worries and complicating factors swapped, Kieran's exhaustion called a strength and the real safety put with the worries; statement and goal are labels (persistent absence, EHA, TAF, non-engaging) with no people doing anything, and the scale is two below range.")

M(s, 6, "gaming", "c-pasted-card-text", model(s),
  ["Kieran has missed 19 days of school since January, mostly Mondays and Fridays. His attendance this year has fallen from 97% to 71%.",
   "Kieran told the school nurse that he gets up most nights to help his mum to the bathroom and is \"knackered all the time\". He stopped going to football training in February."],
  ["Since February, on days when Siobhan is unwell, their neighbour Mrs Adeyemi has walked Orla to school so that Kieran can go in. The school office checked and found Kieran was on time on all eight of those days.",
   "Siobhan's sister Maeve lives ten minutes' drive away and says she would \"do anything\" to help."],
  5, "Kieran has missed a lot of school, but Mrs Adeyemi's school runs have got him in on his mum's bad days.",
  40, 60, "fail",
  "Trick (c): the case cards pasted into the statement and goal boxes. They describe the past and the existing help; the learner has written no worry about the future and no goal, so only sorting and scaling earn credit.")

M(s, 7, "gaming", "d-same-statement-repeated",
  model(s, falling_behind=C, fears_services=H, came_to_meetings=F, aunt_offer=F),
  ["Kieran will miss school.", "Kieran will miss school.", "Kieran will miss school.", "Kieran will miss school."],
  ["Kieran will be in school.", "Kieran will be in school.", "Kieran will be in school."],
  5, "Kieran misses school.",
  40, 64, "fail",
  "Trick (d): one thin sentence entered four times and one thin goal three times; repeating adds nothing, so they are marked once: no one worried, no impact, no helper, no checking, no timescale. Sorting has four half-credit slips.")

M(s, 8, "structural", "past-harm-absence-goals", model(s),
  ["Kieran missed 19 days of school and got knackered getting up for his mum at night. He gave up football and missed his science mock because he kept staying home, and he was always willing to do it.",
   "Orla was left at school twice and Kieran left his lessons to get her."],
  ["Kieran will not miss any more school.", "Orla will not be left waiting at school."],
  5, "Kieran has lost a lot of school, but Mrs Adeyemi's school runs got him in on all eight days.",
  45, 66, "fail",
  "Correct sorting, but the statements only retell what happened (missed, got, gave, kept, left) with no worry about what will happen, and the goals only say what will not happen, with nobody helping or checking and no timescale.")

M(s, 9, "structural", "strengths-as-safety",
  model(s, kind_brother=F, orla_doing_well=F, came_to_meetings=F, aunt_offer=F, neighbour_school_run=S),
  ["The school is worried that Kieran will keep missing school to look after his mum, and he will fall behind with his exams."],
  ["Kieran will keep reading Orla a story every night, Siobhan will keep coming to school meetings, and Maeve will keep offering to help."],
  8, "This is a loving family, Siobhan comes to every meeting and Maeve says she would do anything, so there is a lot of safety.",
  45, 66, "fail",
  "All four strengths sorted as safety and Mrs Adeyemi's checked school runs as a strength, a goal of strengths that do not get Kieran into school, and a scale two points above range justified by love and offers rather than action.")

M(s, 10, "unicode_contractions", "siobhan-accented-orla", model(s),
  ["We're worried that when Siobhán's MS flares up Kieran'll keep staying home to look after her and Órla, and he'll fall so far behind that he won't get the exams he needs. He's already knackered and he's losing touch with his mates. That's the worry Kieran's school and his family support worker have."],
  ["For the rest of this school year Kieran'll be in school every day, even on Siobhán's bad days. Auntie Maeve and Mrs Adeyemi'll take turns to do Órla's school run, and the school's going to tell the family support worker each week how he's getting on, so Kieran can get back to football."],
  5, "He's lost 19 days and Siobhán's scared of services, but Mrs Adeyemi's school runs got Kieran in on time all eight days.",
  84, 100, "pass",
  "Excellent-quality answer written with contractions and the Irish spellings Siobhán and Órla; a trainer reads these as the same people and the same words.")
