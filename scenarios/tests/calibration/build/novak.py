from lib import *
s = "novak-family"

M(s, 1, "excellent", "own-words", model(s),
  ["Ruby's health visitor and the hospital doctors are worried that if nothing changes Kasia and Adam might water down Ruby's bottles again when money runs out, or leave her for hours without a feed at night. Ruby could stop growing again, become poorly and have to go back into hospital."],
  ["For the next three months Ruby will get a full-strength bottle from Kasia and Adam, made up as the tub says, at least every four hours, day and night, and they will write each feed on the chart. Irena will stay and do the night feeds, and the health visitor will weigh Ruby every week and tell the social worker how she is doing, so Ruby keeps putting on weight."],
  5, "Ruby was badly underweight and Adam still says it is a fuss about nothing, but Irena has done the night feeds for three weeks and Ruby has gained weight at every weigh-in.",
  86, 100, "pass",
  "Correct sorting (Irena's night feeds as the one act of safety; the feeding group and letting workers in as strengths), a full danger statement and a goal with present feeding behaviour, Irena and the health visitor checking, and a timescale; scale in range with a case reason.")

M(s, 2, "good_slips", "three-cards-no-who", model(s, low_mood=H, feeding_group=F, lets_workers_in=F),
  ["Kasia and Adam might go back to watering down Ruby's bottles when money is tight, and Ruby could stop growing and end up back in hospital."],
  ["For the next three months Ruby will have a full-strength bottle at least every four hours. Irena will help with the night feeds and the health visitor will weigh Ruby every week and tell the social worker."],
  3, "Ruby was very underweight and Adam doesn't accept the worry, but Irena's night feeds are working.",
  72, 90, "pass",
  "Three right-column slips (Kasia's low mood as harm, the feeding group and letting workers in as safety), a statement that does not say who is worried, a complete goal, and a scale one below range with a case reason.")

M(s, 3, "concise_good", "elearning-style", model(s),
  ["The health visitor is worried that Kasia and Adam will water down Ruby's bottles or miss night feeds again, and Ruby will stop growing and end up back in hospital."],
  ["For three months Ruby will have a full-strength bottle every four hours, Irena will do night feeds, and the health visitor will weigh her every week."],
  5, "Ruby was badly underweight, but three weeks of Irena's night feeds and weight gain at every weigh-in.",
  85, 100, "pass",
  "Short and complete: who is worried, what the parents might do, what would happen to Ruby and that it could happen again; the goal has feeding, Irena, weekly weighing and three months.")

M(s, 4, "mediocre", "half-sorted-vague",
  model(s, long_gaps=C, watered_bottles=C, low_mood=H, adam_disputes=S,
        feeding_group=F, irena_night_feeds=S),
  ["We are worried about Ruby's weight."],
  ["Kasia will feed Ruby properly and go to the feeding group."],
  7, "Ruby is doing better now.",
  38, 60, "fail",
  "About 60% of sorting credit (the missed and watered-down feeds called complicating factors, Adam's dispute called a strength, the real safety demoted); a statement with no behaviour or future, a goal with no network, checking or timescale, and a one-out scale with a thin reason.")

M(s, 5, "poor_jargon", "ftt-labels",
  {"weight-drop": C, "long-gaps": C, "watered-bottles": C, "hospital-admission": C,
   "low-mood": H, "money": H, "adam-disputes": S, "warm-with-ruby": F,
   "lets-workers-in": F, "feeding-group": F, "irena-night-feeds": C},
  ["Faltering growth / FTT: Ruby has dropped two centiles. Neglect due to maternal PND and financial hardship; father in denial. Risk of significant harm."],
  ["CP plan. Parents to engage with the HV and attend the feeding group."],
  2, "FTT.",
  5, 30, "fail",
  "All the harm put under complicating factors and vice versa, the real safety put with the worries; statement and goal are labels (faltering growth, FTT, centiles, PND, CP plan) that Kasia and Adam would not understand; scale two below range with an acronym as the reason.")

M(s, 6, "gaming", "c-pasted-card-text", model(s),
  ["On a home visit on 20 May the health visitor watched Kasia make up a bottle with extra water. Kasia said she does this \"so the tub lasts until payday\".",
   "On 12 May the health visitor weighed Ruby at five months old. She had put on only 150 grams in seven weeks, and her weight had dropped from the middle of her growth chart to below the lowest line."],
  ["Since Ruby came home on 2 June, Adam's mum, Irena, has stayed every night and done the night feeds. The feeding chart is filled in, and at three weekly weigh-ins the health visitor found Ruby had gained 180 to 200 grams each week."],
  5, "Ruby was very underweight, but Irena's night feeds have worked for three weeks.",
  40, 60, "fail",
  "Trick (c): case cards pasted in. They are past facts and existing safety, not a worry about the future or a goal; copied text earns nothing, leaving only sorting and scaling.")

M(s, 7, "gaming", "f-placeholder-dot", model(s, feeding_group=F),
  ["."], ["."],
  5, ".",
  28, 46, "fail",
  "Trick (f): a full stop in every box a learner should write in; sorting credit (one slip) and at most half the scaling credit, nothing for statements or goals.")

M(s, 8, "structural", "past-harm-absence-goals", model(s),
  ["Ruby only put on 150 grams in seven weeks and fell below the bottom line on her chart. Kasia slept through and Ruby went eight hours without a bottle, and Kasia put extra water in the bottles so the tub lasted until payday."],
  ["Kasia will not water down the bottles.", "Ruby will not go hungry."],
  5, "Ruby was badly underweight, but Irena has done the night feeds for three weeks.",
  45, 66, "fail",
  "Correct sorting, but the statement only recounts what happened (put on, fell, slept, went, lasted) rather than the danger if nothing changes, and the goals are absences with no safe feeding routine, helper, checking or timescale.")

M(s, 9, "structural", "strengths-as-safety",
  model(s, warm_with_ruby=F, lets_workers_in=F, feeding_group=F, irena_night_feeds=S),
  ["The health visitor is worried that Ruby might not get enough milk and could lose weight again."],
  ["Kasia will keep going to the feeding group and keep letting the health visitor in, and she will keep cuddling and singing to Ruby."],
  8, "Kasia loves Ruby, lets the workers in and goes to the feeding group, so Ruby is safe.",
  45, 66, "fail",
  "Love, cooperation and the feeding group sorted as safety and Irena's checked night feeds as a strength; the goal keeps up strengths rather than how Ruby will be fed; the scale is two above range on strengths alone.")

M(s, 10, "unicode_contractions", "contractions-babcia-irena", model(s),
  ["We're worried that when money's tight Kasia and Adam'll water down Ruby's bottles again, or she'll go hours without a feed at night because Kasia's so exhausted she can't wake up. Ruby could stop growing, get poorly and end up back on the children's ward. That's the health visitor's and the doctors' worry."],
  ["For the next three months Kasia and Adam'll make every bottle up as the tub says and give Ruby a feed at least every four hours, day and night. Babcia Irena'll stay and do the night feeds, and the health visitor'll weigh Ruby every week so everyone can see she's putting weight on."],
  5, "Ruby's been badly underweight and Adam doesn't accept there's a problem, but Irena's done the night feeds for three weeks and Ruby's gained weight at every weigh-in.",
  84, 100, "pass",
  "Excellent-quality answer with contractions (we're, Adam'll, she'll, can't, Irena'll) and the Polish 'Babcia' (grandma) before Irena's name; no accented names in the scenario, so contractions carry the test.")
