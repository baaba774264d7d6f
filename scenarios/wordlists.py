"""The word lists the scoring engine reads sentences with, kept apart from its logic.

Pure data (no Django). Every word here is lowercase and accent-folded, as the
engine's tokens are (see scenarios/matching.py). Changing a list changes how
answers are marked: say why in the commit, and rerun the calibration test.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JargonEntry:
    term: str
    plainer: str = ""


DEFAULT_JARGON: tuple[JargonEntry, ...] = (
    JargonEntry("domestic violence", "Say who hurt whom and how, for example 'Dad pushed Mum against the wall'."),
    JargonEntry("domestic abuse", "Say who hurt whom and how, for example 'Dad pushed Mum against the wall'."),
    JargonEntry("DV", "Say what happened in words the family would use, for example 'the fighting at home'."),
    JargonEntry("DA", "Say what happened in words the family would use, for example 'the fighting at home'."),
    JargonEntry("neglect", "Say what the child went without, for example 'the baby was not fed'."),
    JargonEntry("substance misuse", "Name what is used and what happens, for example 'when mum drinks'."),
    JargonEntry("non-engagement", "Say what happened, for example 'Dad did not come to the meetings'."),
    JargonEntry("disguised compliance", "Say what the parent said and what they did."),
    JargonEntry("risk of significant harm", "Say what could happen to the child, for example 'Leo could be hurt'."),
    JargonEntry("CP plan", "Say 'the plan to keep the children safe'."),
    JargonEntry("LAC", "Say 'living with foster carers' or 'in care'."),
    JargonEntry("looked after child", "Say 'living with foster carers' or 'in care'."),
    JargonEntry("parental capacity", "Say what the parent can or cannot do, for example 'get the children to school'."),
    JargonEntry("perpetrator", "Use the person's name and say what they did."),
    JargonEntry("safeguarding concerns", "Say what everyone is worried will happen."),
    JargonEntry("threshold", "Say what needs to change for the children."),
    JargonEntry("strategy discussion", "Say 'the meeting between the police and the social worker'."),
)

# Contractions, expanded before anything else is read ("we're" is "we are").
# Checked longest first; a bare "'s" is dropped (possessive, or "is" that no rule needs).
CONTRACTIONS: tuple[tuple[str, str], ...] = (
    ("won't", "will not"),
    ("cannot", "can not"),
    ("can't", "can not"),
    ("shan't", "shall not"),
    ("ain't", "is not"),
    ("n't", " not"),
    ("'re", " are"),
    ("'ll", " will"),
    ("'ve", " have"),
    ("'d", " would"),
    ("'m", " am"),
)
# "It's", "she's", "nobody's": the "'s" is "is" for these, a possessive for names.
IS_CONTRACTED = frozenset("it he she that there here what who where nobody everyone everybody someone".split())

# Letters that Unicode does not decompose into a base letter and an accent.
EXTRA_FOLDS: dict[str, str] = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ı": "i",
}

# Everyday words that hold a sentence together; they never make an element on their own.
FUNCTION_WORDS = frozenset(
    """a an the and or but so if that this these those then than when while because as at by for from in into of
    on onto to with without about after before over under until up out off again is are was were be been being am
    has have had do does did will would can could may might must shall should not no he she it they we you i him
    her them us me his hers its their our your who what where which how there here all any some each every very
    more most much many also too just only still even own such""".split()
)

# Tense and modality are read from these surface words, never from stems:
# "cans", "kept", "likes" and "willing" say nothing about the future.
MODAL_VERBS = frozenset("will would could might may shall can".split())
FUTURE_PHRASES: tuple[tuple[str, ...], ...] = (
    ("going", "to"),
    ("gon", "na"),
    ("in", "the", "future"),
    ("next", "time"),
    ("from", "now"),
    ("if", "nothing", "change"),
    ("if", "nothing", "changes"),
    ("carry", "on"),
    ("keep", "on"),
)
CONDITIONALS = frozenset("if unless".split())

# A negation cue reverses the clause it stands in ("will stop shouting" says what will not happen). "Without" and a bare "no"
# before a noun ("no adult awake") describe the danger rather than deny it.
NEGATION_WORDS = frozenset("not never nobody nothing neither nor stop stops quit".split())
NEGATION_PHRASES: tuple[tuple[str, ...], ...] = (("no", "one"), ("no", "longer"), ("no", "more"))
# Phrases that look negative but are not denials.
NOT_NEGATIONS: tuple[tuple[str, ...], ...] = (("if", "nothing", "change"), ("if", "nothing", "changes"))

# A clause ends at these words (and at , ; : . ! ? and new lines), so a
# negation reaches to the end of its own clause and no further.
CLAUSE_BREAKS = frozenset(
    "and but or so because while although though whereas unless until when if where who which".split()
)

# Saying who is worried: the person or agency must stand with one of these.
WORRY_WORDS = frozenset("worried worry worries concerned concern afraid fear fears scared anxious think thinks".split())

# Words that continue what is already happening: a goal built on them keeps strengths going
# rather than saying what will keep the children safe from the danger.
CONTINUING_WORDS = frozenset("keep keeps continue continues carry".split())

# Words that fit any case: a text made only of these (and no one's name) is case-blind.
ANY_CASE_WORDS = frozenset(
    """safe safety unsafe hurt harm injure injury frighten frightened scared scare afraid upset worried worry
    concern child children kid baby parent family network safety week month year day every time home again
    future happen make sure keep look care help support need know check tell good well bad thing one two three
    four five six seven eight nine ten eleven twelve get go better worse thing improve fine okay""".split()
)

# Words that mean any family at all: "the children", "the parents", "the safety network".
GENERIC_PEOPLE = frozenset(
    """child children kid kids baby parent parents family families adult adults carer carers everyone someone
    anyone people person mum dad mother father""".split()
)

# An everyday vocabulary beyond the case's own words: how people talk about family
# life, care, school, health, feelings, time and help. A learner's sentence whose
# content words are largely outside this, the case and the model answer is read as
# possible nonsense ("the frightened teapot") and goes to a trainer.
_EVERYDAY = """
able about above absent accept accident act action actually add address adult advice affect afraid after
afternoon again against age agree ahead alone along already alright always angry another answer anxious any
anybody anyone anything anyway anywhere appointment arrange arrive ask asleep attend attention aunt auntie
available avoid awake aware away baby back bad badly bag bathroom bath bed bedroom bedtime before begin
behave behaviour behind believe belong best better between big bill bit blame body bone book bored borrow
both bottle bottom boy brave break breakfast breath breathe bring brother bruise budget build bully burn busy
buy call calm calmly can car card care careful carefully carer carry case catch cause certain chance change
charge chat cheap check child childhood choice choose class clean clear clearly close clothes club cold come
comfort comfortable common community confident contact control conversation cook cope copy corner cost could
council count couple course court cousin cover crash cross cry cuddle cut dad daddy daily damage danger
dangerous dark date daughter day dead deal decide decision depend describe different difficult dinner doctor
door doubt down drink drive drop drug drunk during early easy eat effect either else emergency empty end
enough ever every everybody everyday everyone everything everywhere exam example expect explain eye face fact
fail fair fall family far father fault fear feed feel few fight fill find fine finish first fix food forget
forward free friend frighten front full fun future gas get girl give glad go good grab grade grandad
grandma grandparent granny great grow guess guilty hair half hand handle hang happen happy hard harm hate
have head health healthy hear heat heating help hide high hit hold holiday home homework honest hope hospital
hour house housing hungry hurry hurt husband idea ill illness important improve include injure injury inside
instead job join keep key kick kid kind kitchen know lack last late later laugh learn least leave left less
lesson let letter level lie life light like listen little live local lock lonely long look lose lot loud love
low lunch make manage many matter maybe meal mean medicine meet meeting member mess message middle might mind
minute miss mistake moment money month mood more morning most mother move much mum mummy must nan nana name
near nearly need neighbour nephew nervous network never new news next nice niece night nobody noise normal
nothing notice now number nurse nursery often okay old once open other outside over own pack pain parent part
partner pass past pay people perhaps person phone pick place plan play please pocket point police poor pop
possible power practice present pretend problem promise proper properly protect proud pull punch push put
quick quickly quiet quite rather reach read ready real really reason remember rent report rest return right
ring risk road room round routine rule run sad safe safely safety same save say scare scared school scream
second see seem sense serious settle shake share shop short shout show shower shut sick side sign simple
since sister sit sleep slow small smell smoke sober social someone something sometimes somewhere son soon
sorry sort speak special spend stair stand start stay steady step still stop story straight stranger street
stress strong stuck study stuff support sure surgery swear take talk tea teacher tell test text thank thing
think through throw tidy time tired today together toilet tomorrow tonight too touch towards trouble true
trust truth try turn uncle understand unhappy unsafe until upset use usual usually visit voice wait wake walk
wander want warm wash felt watch water way wear week weekday weekend weekly weigh weight well wet while whole wife
win window wish without woman work worker world worried worry worse worst would write wrong year yell young
"""
# Words professionals use: not nonsense, though the jargon rule may still mark them down.
_PROFESSIONAL = """
abuse access accidental agency assessment attendance behaviour capacity compliance concern concerns
conference consistent emotional engage engagement evidence exposure financial hardship household
injuries intervention maternal medical mental misuse monitor neglect outcome paternal plan poverty referral
review risk section service services significant substance support threshold vulnerable welfare wellbeing
"""
EVERYDAY_WORDS = frozenset((_EVERYDAY + _PROFESSIONAL).split())

# When a scenario lists no `people`, its people are read from its own text: capitalised
# words that recur and are never written in lower case. These capitalised words are
# never someone's name (folded, as the engine reads them): calendar words, titles,
# agencies and services, places, framework words and what any family calls its own.
NOT_NAMES = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday christmas easter eid diwali ramadan mr mrs ms miss dr mx sir
    police children services service social care council court family hospital school primary nursery academy
    college surgery health visitor team unit centre center ward department early help housing association
    probation midwife nurse doctor officer worker manager programme program referral conference plan
    signs safety words pictures danger statement goal england english britain british uk street road avenue
    mum mummy dad daddy mother father gran granny grandma grandad grandpa nan nana nanny auntie aunt uncle
    god""".split()
)

# Words that stand for an adult already named ("he will go to his brother's"), or for the
# adults when the case does not know which of them did it ("someone at home", "an adult").
ADULT_STAND_INS = frozenset(
    "he she they him her them someone somebody adult adults parent parents carer carers family".split()
)
