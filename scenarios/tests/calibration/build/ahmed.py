from lib import *
s = "ahmed-family"

M(s, 1, "excellent", "own-words", model(s),
  ["Amira's GP, the school and the early help worker are worried that with money this tight the family could lose their home or be stuck in the mouldy flat. Amira could end up in hospital again with her asthma, and Zain could keep going hungry and become too anxious to settle at school."],
  ["Over the next six months Farida and Imran will put the rent and meter money aside first every Friday and keep looking for a dry new home with the council's housing team. Salma and Tariq will drop round each week and let the early help worker know how things are, so that Zain, Amira and Yusuf sleep in a warm room and have a proper meal every night."],
  5, "Amira and Zain have already been ill, hungry and cold and the notice runs out in May, but Farida has kept the meter going for six weeks with Salma's help and Amira has had her inhaler every day.",
  86, 100, "pass",
  "Model sorting and a worry statement and well-being goal in the learner's own words that name the family, say what could happen, to whom, and who will help and check over what time; scaling in range with a case reason.")

M(s, 2, "good_slips", "three-cards-no-who", model(s, imran_low=H, money_advice=F, tariq_offer=F),
  ["The family could lose their home or stay stuck in the damp flat because money is so short, and Amira might have more asthma attacks while Zain gets more anxious at school."],
  ["Every week for six months Farida and Imran will sort the rent and top up the meter before anything else, and they will keep looking for a new home with the council. Salma and Tariq will call in weekly and update the early help worker, so Zain and Amira are warm and eat well."],
  7, "Farida is keeping the meter and the inhaler going and Tariq and Salma are helping, but the notice to leave is still hanging over the family.",
  72, 90, "pass",
  "Three cards in the right column but the wrong category (Imran's low mood as harm, Tariq's offer and money advice as safety), a statement that does not say who is worried, a full goal and scaling one above range with a case reason.")

M(s, 3, "concise_good", "elearning-style", model(s),
  ["The school and the GP are worried that Amira will end up in hospital again if the family stay in the damp flat, and Zain will go hungry and be too anxious to learn while money is short."],
  ["Every week for six months Farida will pay the meter and rent first, Salma will check and tell the early help worker, and Zain and Amira will sleep warm and eat every night."],
  5, "Cold, hungry, asthma and the notice, but six weeks of meter and inhaler with Salma's help.",
  85, 100, "pass",
  "Crisp one-sentence statement and goal with every element (who, what could happen, which child, impact, future; who helps, what they do, how checked, how long); written as the e-learning teaches.")

M(s, 4, "mediocre", "half-sorted-vague",
  model(s, amira_asthma=C, mould=H, notice_to_leave=H, imran_low=H, tariq_offer=F,
        money_advice=F, meter_plan=S, inhaler_routine=S),
  ["We are worried about the housing and the money and how the children are coping."],
  ["The family will get help with money and find a better place to live."],
  7, "They are trying hard.",
  40, 62, "fail",
  "About two thirds of sorting credit (all the existing safety called strength, several worries in the wrong category), a statement with no impact or future, a goal with no named helper, child, checking or timescale, and a one-out scale with a reason that could fit any family.")

M(s, 5, "poor_jargon", "fuel-poverty-labels",
  {"amira-asthma": C, "no-tea": C, "no-electric": C, "zain-anxious": S, "mould": H,
   "notice-to-leave": H, "money": H, "imran-low": H, "school-care": F, "tariq-offer": F,
   "money-advice": F, "meter-plan": C, "inhaler-routine": S},
  ["Family in fuel poverty with a section 21 notice; risk of significant harm due to neglect and dad's MH. Parents awaiting UC and non-engagement with housing."],
  ["TAF to monitor. Parents to engage with services and improve home conditions."],
  2, "Neglect.",
  10, 34, "fail",
  "Poor sorting (harm and complicating factors swapped, safety cards in the worries column), statements written in labels (fuel poverty, section 21, UC, neglect, MH, non-engagement) that Farida and Imran could not use, a vague goal, and a scale far below range with a one-word label.")

M(s, 6, "gaming", "b-generic-any-case", model(s),
  ["We are worried the children could be hurt again and will be frightened."],
  ["Every week for six months the safety network will make sure the children are safe."],
  5, "The children have been cold, hungry and ill, but Farida has kept the meter topped up with Salma's help for six weeks.",
  42, 62, "fail",
  "Trick (b): case-blind sentences that would fit any file; they name nobody in this family and nothing about housing, money, asthma or hunger, so a trainer gives them almost nothing even with correct sorting and scaling.")

M(s, 7, "gaming", "f-placeholder-x", model(s),
  ["x"], ["."],
  5, "x",
  30, 47, "fail",
  "Trick (f): placeholder text everywhere a learner should write; sorting credit only, plus at most half scaling credit because the reason says nothing.")

M(s, 8, "structural", "past-harm-absence-goals", model(s, no_electric=C),
  ["Amira went to A&E twice in February because the mould made her asthma bad, and Zain had no tea and kept asking for toast at breakfast club.",
   "The electric ran out and the children slept in their coats."],
  ["The children will not go hungry.", "There will be no more mould and the electric will not run out."],
  5, "Amira and Zain have been ill and hungry, but Farida has kept the meter going for six weeks.",
  45, 66, "fail",
  "Sorting right, but the worry statements only tell what already happened (went, made, had, kept, ran, slept) with no worry about the future, and the goals only describe absence with no one helping, no checking and no timescale.")

M(s, 9, "structural", "strengths-as-safety",
  model(s, school_care=F, tariq_offer=F, money_advice=F, meter_plan=S, inhaler_routine=S),
  ["The school and the GP are worried that Amira could have more asthma attacks from the damp, and Zain could go hungry if money stays this tight."],
  ["Farida will keep going to money advice and reading with Amira every evening, and Tariq will keep his offer of a room open."],
  8, "Farida goes to money advice, the children are always clean and Tariq has offered a home, so there is plenty of safety.",
  45, 66, "fail",
  "Strengths sorted as safety and the two real acts of safety (meter plan, inhaler routine) as strengths, a goal that lists strengths rather than what will keep the children warm and fed, and a scale two points too high built on strengths.")

M(s, 10, "unicode_contractions", "contractions-auntie-uncle", model(s),
  ["We're worried that if the family can't pay the rent they'll lose their home, or they'll be stuck in the damp flat where the mould's making Amira's asthma worse. Amira could end up back in hospital, and Zain won't settle at school because he's anxious and hungry. That's what the school and Amira's GP are worried about too."],
  ["Over the next six months Farida and Imran'll pay the rent and the meter first every week and keep looking for a new home with the council. Auntie Salma and Uncle Tariq'll pop round each week and let the early help worker know how it's going, so Zain and Amira can sleep in a warm room and won't miss their tea."],
  5, "They've already been cold, hungry and ill and they've got notice to leave, but Farida's kept the meter topped up for six weeks with Salma's help and Amira hasn't needed hospital for five weeks.",
  84, 100, "pass",
  "Good quality written with contractions (we're, can't, they'll, won't, Imran'll, Tariq'll) and family name forms (Auntie Salma, Uncle Tariq); judged as the excellent answer.")
