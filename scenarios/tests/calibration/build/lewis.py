from lib import *
s = "lewis-family"

M(s, 1, "excellent", "own-words", model(s),
  ["The hospital doctor, the police and the social worker are worried that someone at home might grip or squeeze Noah hard enough to hurt him again, because nobody has explained his bruises or his broken rib. Noah is a baby, so he could be very badly injured, and Evie could keep being frightened when there is shouting at home."],
  ["For at least the next six months only Chloe, Sandra or another adult the safety network has agreed will look after Noah, and Jake will not care for him on his own. Chloe will hold and handle Noah gently and call Sandra over when he will not settle. Sandra and the nursery will look Noah over every day and ring the social worker the same day about any mark, so Noah and Evie feel safe at home."],
  3, "Noah has a broken rib and fingertip bruises that nobody has explained and Chloe does not believe Jake could hurt him, but for five weeks the children have lived at Sandra's and the nursery has found no new marks.",
  86, 100, "pass",
  "Correct sorting, a danger statement that names the behaviour (gripping, squeezing), who is worried, both children, the impact and the future, and a goal with present safe care, Sandra and the nursery checking daily, and a timescale; scale in range with a case reason.")

M(s, 2, "good_slips", "three-cards-no-impact", model(s, explanations_differ=H, agreed_straight_away=F, gran_close=F),
  ["The social worker and the police are worried that an adult at home could grab Noah roughly again, and Evie might be there when it happens."],
  ["For the next six months only Chloe or Sandra will care for Noah, and Chloe will handle him gently. Sandra and the nursery will check Noah over daily and tell the social worker about any marks."],
  5, "Noah's injuries are unexplained, but the move to Sandra's has worked for five weeks with no new marks.",
  72, 90, "pass",
  "Three right-column slips (the differing stories as harm, Chloe agreeing and Sandra being close as safety), a statement without the impact on Noah, a complete goal, and a scale one above range with a case reason.")

M(s, 3, "concise_good", "elearning-style", model(s),
  ["The doctors and the social worker are worried that an adult will grip Noah hard again and he will be badly injured, and Evie will stay frightened."],
  ["For six months only Chloe or Sandra will care for Noah, Chloe will handle him gently, and the nursery will check him every day and tell the social worker."],
  3, "Unexplained broken rib and bruises, but five weeks at Sandra's with no new marks.",
  85, 100, "pass",
  "A crisp, complete danger statement and safety goal in plain words; dense but correct, as the e-learning teaches.")

M(s, 4, "mediocre", "half-sorted-vague",
  model(s, hospital_findings=C, explanations_differ=H, jake_job=H, chloe_disbelieves=S,
        agreed_straight_away=F, staying_with_sandra=S),
  ["We are worried about how Noah got his injuries."],
  ["Noah needs to be kept safe and Jake needs to explain what happened."],
  5, "The family are working with us.",
  38, 60, "fail",
  "About 60% of sorting credit (the stories and Jake's job as harm, Chloe's disbelief in the wrong column, the safety arrangement demoted); a statement about the past with no behaviour or future, a goal with no network, checking or timescale, and a one-out scale with a generic reason.")

M(s, 5, "poor_jargon", "nai-labels",
  {"nursery-bruises": C, "hospital-findings": C, "no-illness": S, "evie-hears": C,
   "explanations-differ": H, "jake-job": H, "chloe-disbelieves": H, "health-checks": F,
   "agreed-straight-away": F, "gran-close": F, "staying-with-sandra": C},
  ["NAI to Noah; section 47 completed and CP medical consistent with non-accidental injury. Mum failing to protect and in denial. Risk of significant harm."],
  ["CP plan. Mum to demonstrate protective capacity and Jake to engage with the assessment."],
  6, "Mum is cooperating.",
  5, 30, "fail",
  "Worries and complicating factors swapped and the safety arrangement put with the worries; statement and goal are labels (NAI, section 47, CP medical, failing to protect) that Chloe and Sandra could not act on; scale two above range.")

M(s, 6, "gaming", "d-same-statement-repeated",
  model(s, explanations_differ=H, jake_job=H, chloe_disbelieves=S, agreed_straight_away=F, gran_close=F),
  ["Noah could be hurt again.", "Noah could be hurt again.", "Noah could be hurt again.", "Noah could be hurt again."],
  ["Sandra will look after Noah.", "Sandra will look after Noah.", "Sandra will look after Noah."],
  3, "Noah was hurt.",
  38, 62, "fail",
  "Trick (d): one thin sentence four times and one thin goal three times; marked once each, they say nothing about who is worried, how Noah could be hurt or what it would do to him, nor about checking or time.")

M(s, 7, "gaming", "a-nonsense-element-words", model(s),
  ["If the hospital police squeeze a broken Tuesday, Noah might grip the frightened bruise again and the baby will hurt the purple nursery in the future."],
  ["Every week Sandra will gently look after the safety network of teaspoons, and the nursery will check the daily children over time under the moon."],
  3, "The broken rib is unexplained, but Noah has stayed at Sandra's for five weeks with no new marks.",
  38, 58, "fail",
  "Trick (a): element words dressed in nonsense; a trainer gives no credit for sentences that describe nothing real, leaving sorting and scaling only.")

M(s, 8, "structural", "past-harm-absence-goals", model(s),
  ["Noah had four fingertip bruises on his arm and a broken rib, so someone gripped him hard. Evie heard Jake shout at Noah and she hid in her room with her hands over her ears."],
  ["Jake will not hurt Noah.", "There will be no more bruises."],
  3, "Noah's injuries are serious, but the children have been at Sandra's for five weeks.",
  45, 66, "fail",
  "Correct sorting, but the statement only describes past harm (had, gripped, heard, hid) and not what could happen next, and the goals only name absences (no hurting, no bruises) with no carer, network, checking or time.")

M(s, 9, "structural", "strengths-as-safety",
  model(s, health_checks=F, agreed_straight_away=F, gran_close=F, staying_with_sandra=S),
  ["The hospital is worried that Noah could be hurt again by an adult and get another broken bone."],
  ["Chloe will keep taking Noah to all his health checks and Sandra will keep seeing the children at weekends."],
  6, "Chloe agreed to everything straight away, Noah is well fed and Sandra is nearby, so the children are safe.",
  45, 66, "fail",
  "Good care and cooperation sorted as safety and the checked arrangement at Sandra's as only a strength; the goal keeps up strengths instead of protecting Noah from being gripped; the scale is two above range on the strength of cooperation.")

M(s, 10, "unicode_contractions", "contractions-nan-sandra", model(s),
  ["We're worried that someone at home'll grab or squeeze Noah again, because nobody's explained his bruises or his broken rib. He's only a baby, so he could be really badly injured, and Evie'll go on being scared when there's shouting. The doctors, the police and the social worker all share this worry."],
  ["For at least the next six months Noah'll only be looked after by Chloe, his nan Sandra or another adult the safety network's agreed, and Jake won't look after him on his own. Chloe'll handle him gently and ring Sandra when he won't settle. Sandra and the nursery'll check him over every day and ring the social worker if there's any mark."],
  3, "Noah's got injuries nobody's explained and Chloe doesn't accept the worry, but the children've been at Sandra's for five weeks and the nursery hasn't found a new mark.",
  84, 100, "pass",
  "Excellent-quality answer written with contractions (we're, nobody's, he's, won't, Chloe'll) and 'his nan Sandra'; no accented names in this family. Judged as the excellent answer.")
