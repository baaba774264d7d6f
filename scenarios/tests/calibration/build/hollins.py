from lib import *
s = "hollins-family"

M(s, 1, "excellent", "own-words", model(s),
  ["Mia's teacher, the police and the social worker are worried that when Dean has been drinking he will push or hit Kayleigh again, and that Mia and Tyler could be hurt if they get in the way, or be so scared that Mia keeps hiding under her bed and wetting it."],
  ["For the next six months, whenever Dean has had a drink he will go to his brother's for the night, and Kayleigh and Dean will talk through disagreements calmly when the children are not around. Pauline will pop in most days and tell the social worker each week that Mia and Tyler have felt safe at home."],
  4, "Dean has hurt Kayleigh three times in six months and Kayleigh does not yet agree there is a problem, but she has twice taken the children to Pauline's when Dean came home drunk.",
  86, 100, "pass",
  "Model sorting, a full danger statement (who, behaviour, both children, impact, future) and a goal with present safe behaviour, network, checking and time, all in the learner's own words; scaling in range with a case reason.")

M(s, 2, "good_slips", "three-cards-one-element", model(s, programme=F, kayleigh_minimises=H, housing=H),
  ["The social worker and the police are worried that Dean could hit Kayleigh again after he has been drinking, and Mia and Tyler might be in the room when it happens."],
  ["Over the next six months Dean will stay at his brother's whenever he has been drinking and Kayleigh and Dean will sort out rows calmly away from Mia and Tyler. Pauline will check in most days and tell the social worker how it is going."],
  6, "Kayleigh took the children to Pauline's twice when Dean was drunk and Dean has been to every programme session, but there have been three police callouts.",
  72, 90, "pass",
  "Three cards in the right column but wrong category (about 35/40), a statement that misses only the impact on the children, a complete goal, and scaling one point above range with a case reason: a solid pass with slips.")

M(s, 3, "concise_good", "elearning-style", model(s),
  ["The school and the social worker are worried that Dean will hit Kayleigh when he has been drinking, and Mia and Tyler will be hurt or too frightened to sleep."],
  ["For six months Dean will stay at his brother's whenever he drinks, Kayleigh and Dean will talk calmly away from Mia and Tyler, and Pauline will check every week and tell the social worker."],
  4, "Three fights in six months, but Kayleigh twice took the children to Pauline's.",
  85, 100, "pass",
  "Short, dense sentences that contain every element a danger statement and safety goal need, exactly the style the e-learning teaches; density is not a fault.")

M(s, 4, "mediocre", "half-sorted-vague",
  {"police-callout": H, "mia-saw": H, "three-callouts": C, "bedwetting": H, "drinking": H,
   "kayleigh-minimises": S, "housing": H, "school-attendance": F, "gran-nearby": F,
   "health-visitor": S, "leaves-to-gran": S, "programme": F},
  ["We are worried about the fighting at home and how it affects the children."],
  ["The family need to stop fighting and keep the children safe."],
  6, "Things are getting better.",
  40, 62, "fail",
  "Only about 60% of sorting credit (four exact, seven right column wrong category, one wrong column); a statement with no impact and no future, a goal that is mostly absence with no network or timescale, and a one-out scale with an empty reason.")

M(s, 5, "poor_jargon", "dv-labels",
  {"police-callout": H, "mia-saw": C, "three-callouts": H, "bedwetting": C, "drinking": H,
   "kayleigh-minimises": S, "housing": H, "school-attendance": F, "gran-nearby": F,
   "leaves-to-gran": H, "programme": F},
  ["Concerns re DV in the household and risk of significant harm to the children due to parental substance misuse, exposure to DA and mum's non-engagement and disguised compliance."],
  ["CP plan to be followed and parents to engage with services and address the DV."],
  2, "High risk DV household.",
  8, 32, "fail",
  "Under half the sorting credit (safety card put under harm, one card not placed), statements made of labels (DV, DA, risk of significant harm, non-engagement) that say nothing about what Dean does or how Mia is affected, a goal with no behaviour, network or time, and a scale below range with a label for a reason.")

M(s, 6, "gaming", "a-nonsense-element-words", model(s),
  ["If purple Dean could hit Mia on a sunny Tuesday, the school might be scared of the bananas and the police will shout at Tyler's frightened teapot again."],
  ["Every month the Pauline network will calmly check the safe weekly children and tell the sober walk-away of the moon."],
  4, "Dean has been violent three times, but Kayleigh has twice taken the children to Pauline's.",
  38, 58, "fail",
  "Trick (a): element words strung into nonsense. A trainer gives the statement and goal nothing (they say nothing true about this family), so only sorting (40) and scaling (10) earn credit.")

M(s, 7, "gaming", "g-one-column",
  {"police-callout": H, "mia-saw": H, "three-callouts": H, "bedwetting": H, "drinking": H,
   "kayleigh-minimises": H, "housing": H, "school-attendance": H, "gran-nearby": H,
   "health-visitor": H, "leaves-to-gran": F, "programme": H},
  ["The social worker is worried Dean will hurt Kayleigh again and the children will be scared."],
  ["Dean will stay at his brother's when he drinks and Pauline will check on the children every week."],
  4, "Kayleigh took the kids to Pauline's twice when Dean was drunk.",
  42, 66, "fail",
  "Trick (g): every card in the worries column bar one. That shows no ability to tell worries from what is working well, so sorting earns little (0-20%) even though the harm cards happen to be right; fair, brief statement and goal plus in-range scaling cannot lift it to a pass.")

M(s, 8, "structural", "past-harm-absence-goals", model(s, programme=F),
  ["Dean drank cans all weekend and pushed Kayleigh into the kitchen wall, and Mia saw it and hid under her bed. She was frightened and wet the bed after.",
   "The police came three times because Dean and Kayleigh kept fighting in the flat."],
  ["Dean will not drink.", "There will be no more fighting in the flat."],
  4, "Dean has hurt Kayleigh three times, but Kayleigh took the children to Pauline's twice.",
  45, 66, "fail",
  "Sorting nearly right, but the statements only retell past harm (drank, pushed, saw, hid, kept) with no future danger, and the goals only describe absence (no drinking, no fighting) with no safe behaviour, network, checking or timescale: the two core distinctions are missed.")

M(s, 9, "structural", "strengths-as-safety",
  model(s, school_attendance=F, gran_nearby=F, health_visitor=F, programme=F, leaves_to_gran=S),
  ["The police are worried that Dean may hurt Kayleigh again and the children could get hurt."],
  ["Dean will keep going to his programme, Kayleigh will keep taking Tyler to the health visitor and Mia will keep going to school every day."],
  7, "Dean goes to every programme session, Mia goes to school every day and Pauline is nearby, so there is lots of safety.",
  45, 66, "fail",
  "Every strength is sorted as safety and the one real act of safety as a strength (half credit on five cards), the goal lists strengths that do not answer the danger, and the scale is two points too high because strengths were mistaken for safety.")

M(s, 10, "unicode_contractions", "contractions-nan", model(s),
  ["We're worried that when Dean's been drinking he'll hit or push Kayleigh again, and Mia and Tyler could get hurt or be so scared they can't sleep. The school, the police and the social worker all share this worry."],
  ["For the next six months Dean'll go to his brother's whenever he's had a drink, and he and Kayleigh won't row in front of the kids: they'll talk things through calmly once Mia and Tyler are in bed. Their nan, Pauline, will check in every few days and tell the social worker how it's going."],
  4, "There've been three police callouts in six months and Kayleigh doesn't yet accept the worry, but she's twice taken the children to Pauline's when Dean came home drunk.",
  84, 100, "pass",
  "Same quality as an excellent answer, written with contractions (we're, he'll, can't, won't, they'll) and 'nan' for Pauline; a trainer reads these as the full words, so nothing is lost.")
