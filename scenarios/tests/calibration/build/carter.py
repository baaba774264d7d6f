from lib import *
s = "carter-family"

M(s, 1, "excellent", "own-words", model(s),
  ["The police, the social worker and Skye's school are worried that Gemma will drink so much wine again that she passes out while she is looking after the children. Jayden could wander out into the road on his own or be hurt in a fall, and Skye could go on carrying the job of caring for her mum and her brother instead of being a child."],
  ["For the next six months Gemma will be sober whenever she is looking after Jayden and Skye. When she plans to drink, she will arrange for the children to sleep at Ryan's or Dawn's. The two of them will call round to Gemma's and let the social worker know each week, and Skye will know she can phone her dad at any time."],
  4, "Jayden has been hurt and was found alone in the street, and Gemma calls it a one-off, but she has arranged sleepovers at Dawn's and Skye's call to Ryan on 2 November worked.",
  86, 100, "pass",
  "Correct sorting (both acts of safety recognised, Ryan's weekends kept as a strength), a danger statement with who, behaviour, both children, impact and future, and a goal with present behaviour, Ryan and Dawn checking, and six months; in-range scale with a case reason.")

M(s, 2, "good_slips", "three-cards-no-who", model(s, says_one_off=H, alcohol_service=F, dad_weekends=F),
  ["Gemma might drink until nobody can wake her again, and Jayden could get out onto the street and be hurt, while Skye keeps on looking after everyone."],
  ["For the next six months Gemma will stay sober whenever she has the children, and when she wants to drink the children will sleep at Ryan's or Dawn's. Ryan and Dawn will keep an eye out and let the social worker know every week, and Skye will know to ring her dad."],
  6, "Jayden was found in the street and hurt on the stairs, but Dawn's sleepovers and Skye's call to Ryan show a plan that works.",
  72, 90, "pass",
  "Three right-column slips (Gemma's 'one-off' as harm, the alcohol service and Ryan's weekends as safety), a statement that does not say who is worried, a complete goal, and a scale one above range with a case reason.")

M(s, 3, "concise_good", "elearning-style", model(s),
  ["The social worker and the police are worried that Gemma will drink until she passes out again, and Jayden will get out to the road and be hurt, and Skye will keep looking after her mum."],
  ["For six months Gemma will be sober whenever she has the children, they will stay with Ryan or Dawn when she drinks, and Ryan will check and tell the social worker each week."],
  4, "Jayden was hurt and alone in the street, but Skye's call to Ryan and the Dawn sleepovers worked.",
  85, 100, "pass",
  "One dense sentence each with every element a statement and goal need; the e-learning's own style, which must not be marked down for being short.")

M(s, 4, "mediocre", "half-sorted-vague",
  model(s, skye_in_class=C, drinks_most_evenings=H, bereavement=H, says_one_off=S,
        alcohol_service=F, dawn_sleepovers=S),
  ["Everyone is worried about Gemma's drinking and the effect it has on the kids."],
  ["Gemma will get help for her drinking and Ryan will help out more."],
  6, "She is going to the alcohol service.",
  42, 64, "fail",
  "About 65% of sorting credit (drinking and grief called harm, Gemma's denial put in the strengths column), a statement with no specific behaviour, impact or future, a goal without checking, timescale or what the children will experience, and a scale one above range resting on a strength.")

M(s, 5, "poor_jargon", "toxic-trio-labels",
  {"jayden-in-street": C, "fall-on-stairs": C, "skye-looks-after": S, "skye-in-class": C,
   "drinks-most-evenings": H, "bereavement": H, "says-one-off": H, "dad-weekends": F,
   "alcohol-service": F, "nursery-report": F, "skye-rang-dad": H},
  ["Toxic trio present: parental alcohol misuse, bereavement and parentification of Skye. Risk of significant harm through neglect; mum is in denial and showing disguised compliance."],
  ["CP plan. Mum to engage with the drug and alcohol service and evidence abstinence."],
  7, "Mum is engaging with services.",
  5, 30, "fail",
  "Harm and complicating factors swapped, Skye looking after the family called a strength and her call to Ryan called harm, one card unplaced; statement and goal are labels (toxic trio, alcohol misuse, parentification, disguised compliance, CP plan) with nothing about what Jayden and Skye would go through; scale out of range.")

M(s, 6, "gaming", "e-negated", model(s),
  ["Nobody is worried about Gemma; she will never drink again and Jayden could not be hurt, and Skye will never have to look after anyone."],
  ["Ryan and Dawn will never need to check on Gemma, because nobody thinks the children will ever need to stay with them."],
  4, "Jayden was found alone in the street, but Skye rang her dad when Gemma had been drinking and Dawn has had the children when Gemma went out.",
  40, 60, "fail",
  "Trick (e): the words of a good statement and goal put under negations that reverse them ('nobody is worried', 'never', 'could not', 'never need to check'); a trainer reads the meaning, which denies the danger and the plan, so they earn nothing.")

M(s, 7, "gaming", "g-one-column",
  {"jayden-in-street": H, "fall-on-stairs": S, "skye-looks-after": S, "skye-in-class": S,
   "drinks-most-evenings": S, "bereavement": S, "says-one-off": S, "dad-weekends": S,
   "alcohol-service": S, "nursery-report": S, "dawn-sleepovers": S, "skye-rang-dad": S},
  ["The social worker is worried that Gemma will drink too much again and Jayden could get hurt."],
  ["Gemma will be sober when she looks after the children and Dawn will check every week."],
  4, "Jayden was hurt, but Dawn has had the children when Gemma was drinking.",
  42, 66, "fail",
  "Trick (g): every card in the 'working well' column except one. The learner has not told worries from strengths, so sorting earns little even though the strength cards land in the right place; a fair but brief statement and goal cannot carry it to a pass.")

M(s, 8, "structural", "past-harm-absence-goals", model(s, alcohol_service=F),
  ["Gemma drank a bottle of wine and fell down the stairs with Jayden, and he got a bump on his head. In October she was so drunk that Jayden got out into the street in his pyjamas and the police could not wake her.",
   "Skye made Jayden's tea and kept checking her mum was still breathing, because her mum likes wine."],
  ["Gemma will not drink.", "Jayden will not be left on his own."],
  4, "Jayden has been hurt, but Skye rang her dad and Dawn had the children on party nights.",
  45, 66, "fail",
  "Sorting nearly right, but the statements only recount past harm (drank, fell, got, could not, made, kept) with no danger looking forward, and the goals are absences with no safe behaviour, network, checking or timescale.")

M(s, 9, "structural", "strengths-as-safety",
  model(s, dad_weekends=F, alcohol_service=F, nursery_report=F, dawn_sleepovers=S, skye_rang_dad=S),
  ["The police are worried that Gemma could get drunk again and Jayden might be hurt."],
  ["Gemma will keep going to the alcohol service, Ryan will keep having the children every other weekend and Jayden will keep going to nursery."],
  7, "Gemma goes to the alcohol service and has cut right down, Ryan never misses a weekend and Jayden is doing well at nursery.",
  45, 66, "fail",
  "Strengths (Ryan's weekends, the alcohol service, nursery) sorted as safety and the two acts of safety as strengths; the goal repeats strengths instead of who cares for the children when Gemma drinks; scale two above range on Gemma's own word.")

M(s, 10, "unicode_contractions", "contractions-gem", model(s),
  ["We're worried that Gemma'll drink so much again that she can't wake up while she's in charge of Jayden and Skye. Jayden could get out onto the road and be badly hurt, and Skye'll keep thinking it's her job to look after her mum. That's what the police, the school and the social worker are worried about."],
  ["For the next six months Gem'll stay sober whenever she's got the kids. If she wants a drink they'll stay at their dad Ryan's or with Dawn, and Ryan and Dawn'll check in and tell the social worker every week. Skye'll know she can ring her dad any time, so she won't have to look after anyone."],
  4, "Jayden's been hurt and found alone in the street and Gemma says it's a one-off, but Dawn's had the kids on party nights and Skye's call to Ryan worked.",
  84, 100, "pass",
  "Excellent-quality answer with contractions (we're, Gemma'll, can't, she's, won't) and the short name 'Gem'; no accented names in this family. Judged as the excellent answer.")
