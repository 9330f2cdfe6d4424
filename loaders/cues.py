"""Role cues: phrases that give the names after them (FORWARD) or before them (BACKWARD) a role
in an event, and for each cue the words every match of it contains (WORDS, a quick test before
its pattern is run). Data for prose.py; tests/test_loaders_prose.py checks WORDS against text
generated from each pattern. (The body named as an event's owner, a cue that is a name's place
rather than a phrase, is owners.py.)"""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re

__all__ = ["BACKWARD", "FORWARD", "NAMES_ONLY", "PARTNERED", "SUBJECT_ONLY", "WORDS"]

# "A teamed up (joined forces, partnered) with B": both organise (find_cues: A too)
_PARTNERED = (
    r"\b(?:team(?:s|ed)?\s+up|join(?:s|ed)?\s+forces|partner(?:s|ed)|"
    r"work(?:s|ed)?\s+together(?=\s+with\b[^.]{0,80}\bto\s+(?:provide|deliver|organi[sz]e|conduct|hold|run)\b))"
)
FORWARD: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (
        ("funder",),
        re.compile(
            r"(?i)\b(?:(?:co-?)?funded|financed|financially\s+supported|paid\s+for)\s+"
            r"(?:(?:in\s+(?:its\s+)?(?:entirety|full|part)|entirely|fully|partly|jointly|generously)\s+)?by\b|"
            r"\bwith\s+(?:the\s+)?funds\s+(?:provided\s+by|from|of)\b|"
            r"\bwith\s+(?:the\s+)?(?:generous\s+|kind\s+)?(?:financial|funding)\s+(?:support|contributions?|assistance|backing)"
            r"\s+(?:of|from|provided\s+by)\b|\bwith\s+funding\s+(?:from|provided\s+by|of)\b|"
            r"\b(?:thanks\s+to|made\s+possible\s+(?:by|through))\s+(?:a\s+|the\s+)?(?:financial\s+|generous\s+)?contributions?\s+(?:of|from)\b|"
            r"\bfinancial\s+(?:support|contributions?|backing)\s+(?:of|from)\b"
        ),
    ),
    (
        ("supporter",),
        re.compile(
            r"(?i)\bwith\s+(?:the\s+)?(?:generous\s+|kind\s+|technical\s+|substantive\s+)?(?:support|assistance|expertise)"
            r"(?:\s+and\s+(?:expertise|support|assistance))?\s+(?:of|from|by|provided\s+by)\b|"
            r"\b(?:supported|sponsored|assisted)\s+by\b|"
            r"\bas\s+(?:a\s+)?co-?sponsors?\s+(?:(?:along|together)\s+)?with\b"
        ),
    ),
    (
        ("organizer", "host"),
        re.compile(r"(?i)\bco-?hosted\s+(?:jointly\s+)?by\b|\b(?:invited|welcomed)\s+by\b"),
    ),
    # "hosted jointly by A and B": both organise it
    (("organizer", "host"), re.compile(r"(?i)\bhosted\s+jointly\s+by\b")),
    (("host",), re.compile(r"(?i)\bhosted\s+by\b|\bat\s+the\s+invitation\s+of\b")),
    (
        ("organizer",),
        re.compile(
            r"(?i)\bin\s+(?:close\s+)?(?:cooperation|co-operation|collaboration|partnership|coordination|conjunction)"
            r"\s+with\b|\bjointly\s+with\b|\b(?:co-?)?organi[sz]ed\s+(?:jointly\s+)?by\b|\bco-?organi[sz]ed\s+between\b|"
            r"\b(?:convened|coordinated|facilitated|conducted)\s+by\b|\b(?:was|were|is|are|being)\s+run\s+by\b|\b(?:co-?)?chaired\s+by\b|\b(?:meeting|session|workshop|conference|seminar)\s+of\s+the\b|\borgani[sz]ed\s+(?:and\s+held\s+)?(?:in|at)\b"
        ),
    ),
    (("organizer",), PARTNERED := re.compile(rf"(?i){_PARTNERED}\s+with\b")),
    # "the seminar was held in Tokyo by X" (its own entry: "held" is in most notes)
    (
        ("organizer",),
        re.compile(r"\bheld\s+(?:(?:in|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+)?by\b"),
    ),
    (
        ("speaker",),
        re.compile(
            r"(?i)\bspeakers?\s+(?:from|included|were)\b|\bpresentations?\s+(?:were\s+)?(?:made\s+|given\s+|delivered\s+)?"
            r"(?:by|from)\b|\bbriefings?\s+(?:by|from)\b|\b(?:keynote|opening|welcoming)\s+(?:remarks|address|statements?)"
            r"\s+(?:were\s+)?(?:also\s+)?(?:delivered\s+|made\s+)?(?:by|from)\b|"
            r"\b(?:officially\s+)?(?:opened|closed)\s+by\b|"
            r"\bsaid\b(?=[^.]{0,160}\b(?:in|during)\s+(?:his|her|their|its)\s+(?:opening\s+|closing\s+|welcoming\s+|"
            r"keynote\s+)?(?:remarks|statement|address|speech|presentation)\b)|"
            # "In her opening remarks to the course the Czech Republic's Vice Director ... said"
            r"\b(?:in|during)\s+(?:his|her|their|its)\s+(?:opening|welcoming|keynote)\s+(?:remarks|statement|address|speech)"
            r"(?=(?:[^.]|(?<=Mr)\.|(?<=Ms)\.|(?<=Mrs)\.|(?<=Dr)\.|(?<=\b[A-Z])\.){0,200}\bsaid\b)"
        ),
    ),
    (
        ("participant",),
        re.compile(
            r"(?i)\b(?:assist(?:s|ed|ing)?|help(?:s|ed|ing)?|train(?:s|ed|ing)?)\s+(?:the\s+)?governments\s+of\b|"
            r"\b(?:participants|representatives|delegations?|officials|experts|delegates|members|"
            # "gathered regulators and operators from Benin, ..."
            r"regulators|operators|officers|practitioners|specialists|professionals|diplomats|"
            r"scientists|researchers|trainees|policy-?makers|prosecutors|judges|parliamentarians|"
            r"inspectors|engineers|analysts|academics|personnel|students|attendees)\s+"
            r"(?:came\s+|coming\s+|in\s+attendance\s+)?(?:of|from)\b|"
            # "34 participants representing the governments of 31 States Parties, including A, B"
            r"\b(?:participants|officials|experts|delegates)\s+representing\b|\battended\s+by\b|"
            # "Twenty-eight participants attended the workshop from Angola, the Comoros, ..."
            r"\battended\s+(?:the|this)\s+(?:[\w-]+\s+){0,3}?(?:workshop|seminar|course|training|meeting|conference|event)\s+from\b|\bwith\s+the\s+participation\s+of\b|\bparticipation\s+of\b|"
            r"\bbrought\s+together\b|\b(?:participating|attending|represented)\s+(?:States(?:\s+Parties)?|countries|delegations|organi[sz]ations)"
            r"(?:\s+(?:were|included|comprised))?\b|\b(?:participants|attendees)\s+(?:included|comprised|were)\b|"
            r"\b(?:consultations|talks|discussions|bilateral\s+meetings?|working\s+sessions)\s+with\b|\bmet\s+with\b|"
            r"\bparticipating\s+(?:national\s+)?(?:agencies|institutions|ministries|bodies|authorities)\s+(?:included|were|comprised)\b"
        ),
    ),
    # "hold its 66th meeting on Monday, with Kuwait participation"
    (
        ("participant",),
        re.compile(
            r"\bwith\s+(?=[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}(?:['’]s)?\s+participation\b)"
        ),
    ),
    # "professionals ... drawn from 7 African Countries: Ghana, Nigeria, ...", "27 from six
    # Central and Eastern European countries (Belarus, ...)"
    (
        ("participant",),
        re.compile(
            r"(?i)\bdrawn\s+from\b|\b(?:\d+|several|various|seven|eight|nine|ten|twelve|fifteen)\s+"
            r"(?:[A-Z][\w-]*\s+)?(?:countries|States|nations)\s*:|\bfrom\s+(?:\d+|two|three|four|five|six|"
            r"seven|eight|nine|ten|eleven|twelve)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?){0,4}(?:countries|States|nations)\s*[:(]"
        ),
    ),
    (
        ("invited",),
        re.compile(r"(?i)\b(?:had\s+)?invit(?:ed|es)\b(?!\s+(?:as|to|by)\b)|\binvitations?\s+to\b"),
    ),
    # "provided technical and legal assistance to the Dominican Republic": the State helped
    # takes part (NAMES_ONLY)
    (
        ("participant",),
        _ASSISTANCE_TO := re.compile(
            r"\b(?:provided|provides|providing|delivered|offered|gave)\s+(?:[a-z]+\s+){0,4}?"
            r"(?:assistance|advice)\s+to\s+(?=(?:the\s+)?[A-Z])"
        ),
    ),
    # the State a delegation visits hosts the visit and takes part in it (NAMES_ONLY: the names
    # right after the cue, not the rest of the sentence)
    (
        ("host", "participant"),
        _VISITED := re.compile(
            r"\b(?:visited|visits|[Vv]isits?\s+to|[Mm]issions?\s+to)\s+(?:the\s+)?(?=[A-Z])"
        ),
    ),
    # no role: the names after it are the venue ("took place in the premises of ESCAP"), and it
    # ends the list of the cue before it
    (
        (),
        re.compile(
            r"(?i)\b(?:took|take|takes|taking)\s+place\s+(?:in|at)\b|\b(?:in|at)\s+the\s+(?:premises|headquarters|offices?)\s+of\b"
        ),
    ),
]
_ASSISTED = re.compile(
    r"(?i)\b(?:(?:that|which|who)\s+)?(?:assisted|helped)\s+(?:in\s+|to\s+)?(?:organi[sz]ing|organi[sz]e|prepar(?:ing|e)|arrang(?:ing|e))\b"
)
_SUPPORTED = re.compile(r"\b(?:supported|assisted|helped)\s+(?=(?:the\s+)?[A-Z])")
# an article, or none before an event's name ("is holding Counter Proliferation Investigation training")
_ARTICLE_OR_NAMED_EVENT = r"[“\"‘]?(?:(?:a|an|the|this|its)\b|(?=(?-i:[A-Z][\w'-]*)(?:\s+(?:(?-i:[A-Z][\w'-]*)|of|on|for|and|in)){0,8}\s+(?:training|workshop|seminar|course|conference|exercise|meeting|consultation)s?\b))"
BACKWARD: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (
        ("organizer", "host"),
        re.compile(
            r"(?i)\b(?:(?:co-?)?host(?:ed|s)|(?:will|to)\s+(?:co-?)?host|(?<!who\s)(?<!that\s)(?<!which\s)(?:is|are|will\s+be)\s+(?:co-?)?hosting)"
            r"\s+[“\"‘]?(?:a|an|the|this|its|\d+|(?-i:(?:sub-?)?regional|national|international))\b|"
            # "Australia is co-hosting with the Kingdom of Cambodia, a National Workshop"
            r"\b(?:co-?host(?:ed|s)|(?:is|are|will\s+be)\s+co-?hosting)(?=\s+with\b)"
        ),
    ),
    # "Kenya played host to the inaugural African Regional Conference": the host, not the organiser
    (("host",), re.compile(r"(?i)\bplay(?:ed|s|ing)?\s+host\s+to\b")),
    (
        ("organizer",),
        re.compile(
            r"(?i)\b(?:(?:will|to)\s+(?:jointly\s+)?(?:hold|organi[sz]e|convene|conduct)|(?<!who\s)(?<!that\s)(?<!which\s)"
            r"(?:is|are|will\s+be)\s+(?:holding|organi[sz]ing|convening|conducting|facilitating))\s+"
            + _ARTICLE_OR_NAMED_EVENT
        ),
    ),
    (
        ("organizer",),
        re.compile(
            r"(?i)\b(?:organi[sz]ed|co-?organi[sz]ed|convened|held|conducted|launched|facilitated|(?:co-?)?chaired)\s+"
            r"(?:jointly\s+)?"
            + _ARTICLE_OR_NAMED_EVENT
            + r"|\bheld(?=\s+(?:consultations|talks|discussions)\b)"
            # "NNSA and the FBI coordinated an Advanced Radiation Detection ... training"
            r"|\bcoordinated(?=\s+(?:a|an|the|this|its)\s+(?:[\w()-]+\s+){0,8}?(?:training|workshop|seminar|course|conference|exercise|meeting)s?\b)"
            # "DTRA offered a five-day course in ... for Armenian officials"
            r"|\b(?:offered|delivered|ran)(?=\s+(?:a|an|the|this|its)\s+(?:(?!(?:at|to|in|during|on|of)\b)[\w()-]+\s+){0,6}?(?:training|workshop|seminar|course|exercise)s?\b)"
        ),
    ),
    (
        ("invited",),
        re.compile(
            r"(?i)\b(?:will|would|are|were|was|is|to)\s+(?:also\s+)?(?:be\s+)?invited\b(?!\s+by\b)|"
            r"\bare\s+(?:anticipated|expected)\s+to\s+(?:attend|participate)\b"
        ),
    ),
    (
        ("participant",),
        re.compile(
            r"(?i)\b(?:attended|participated|participates\s+in|took\s+part|were\s+(?:all\s+|also\s+)?represented|"
            r"(?:is|are)\s+(?:also\s+|currently\s+)?(?:participating|taking\s+part)\s+in\b|"
            r"joined\s+(?:the|this)\b|\b(?:will\s+visit|visited)\s+(?=[A-Z])|"
            # "Kyrgyzstan and Tajikistan will send a joint delegation"
            r"\b(?:will\s+send|sen[dt]s?)(?=\s+(?:a|an|their|its)?\s*(?:joint\s+|high-level\s+)?"
            r"(?:delegations?|representatives|experts|officials)\b))"
        ),
    ),
    (("speaker",), re.compile(r"(?i)\b(?:briefed|addressed|spoke\s+(?:at|to|during|about|on))\b")),
    # "Mr. X, Deputy Head ... at the German Federal Foreign Office, explained that ..."
    (
        ("speaker",),
        re.compile(
            r"(?i)\b(?:explained|stressed|underlined|underscored|emphasi[sz]ed|highlighted|outlined|"
            r"pointed\s+out)\s+(?:that|the|how|its|their|his|her)\b"
        ),
    ),
    (
        ("speaker",),
        re.compile(
            r"(?i)\b(?:delivered|made|gave|presented)\s+(?:a\s+|the\s+)?(?:presentations?|"
            r"statements?|briefings?|remarks|keynote|lectures?)\b|\bpresented\s+(?:its|their|his|her)\b|"
            # "Southeast Asian countries - A, B and C - offered updates on ..."
            r"\b(?:offered|provided|gave|presented|shared)\s+(?:an?\s+)?(?:updates?|national\s+"
            r"(?:updates?|reports?|perspectives|experiences))\b"
        ),
    ),
    (
        ("funder",),
        re.compile(
            r"(?i)\b(?:funded|financed|sponsored)\s+(?:the|this)\b|\bprovided\s+(?:the\s+)?"
            r"(?:financial\s+support|funding)\b"
        ),
    ),
    # headlines: "Chile Hosts Training Course ...", "Egypt to Host United Nations Workshop" (the
    # host, not necessarily its organiser); a State that hosts a visit also takes part in it
    # ... "Morocco hosts African meeting on ...": no article, the event's noun after a few words
    (
        ("host",),
        re.compile(
            r"\b(?:Hosts|[Tt]o\s+Host|Will\s+Host)\s+(?!Visit)(?=[A-Z])|"
            r"\b(?:hosts|to\s+host|will\s+host)\s+(?=(?:[A-Z][\w-]*\s+|(?:first|second|third|"
            r"national|regional|sub-?regional|international|joint|high-level)\s+){1,3}(?:workshops?|"
            r"seminars?|conferences?|trainings?|meetings?|courses?|exercises?|round-?\s?tables?|"
            r"dialogues?|consultations?|forum|symposium)\b)"
        ),
    ),
    (("host", "participant"), re.compile(r"\b(?:Hosts|[Tt]o\s+Host|Will\s+Host)\s+(?=Visit)")),
    # "ODA and the Republic of Cameroon convene national workshop": a headline's verb, no article
    (
        ("organizer",),
        re.compile(
            r"(?i)\b(?:convene|convenes|co-?organi[sz]es?|organi[sz]es?|holds?|hold)\s+"
            r"(?=(?:(?:the|a|an)\s+)?(?:(?:first|second|third|national|regional|sub-?regional|international|joint|"
            r"high-level)\s+){1,3}(?:workshops?|seminars?|conferences?|trainings?|meetings?|"
            r"round-?\s?tables?|dialogues?|consultations?)\b|"
            # "the Committee hold its 66th meeting": a numbered session
            r"(?:its|their)\s+\d+(?:st|nd|rd|th)\s+(?:meeting|session|conference)\b)"
        ),
    ),
    # "UNREC, which assisted in organizing the visit": helped the organiser
    (("supporter",), _ASSISTED),
    # "UNODA supported Botswana and South Africa in organizing (delivering) an exercise": the
    # names the helper helped organise it
    (
        ("organizer",),
        re.compile(
            r"(?i)\bin\s+(?:organi[sz]ing|convening|holding|hosting|delivering|conducting)\s+(?:a|an|the|this|its)\b"
        ),
    ),
    # "EXBS and the WCO trained 34 Customs Officials from Sri Lanka": the trainers organise
    (
        ("organizer",),
        re.compile(
            r"(?<![Ww]ere\s)(?<![Bb]een\s)(?<![Tt]he\s)(?<![Nn]ewly\s)\b(?:trained|trains|(?:will|to)\s+train)(?=\s+"
            r"(?:(?:some|about|over|more\s+than|nearly|almost)\s+)?(?:\d+\s+)?(?:[A-Za-z-]+\s+){0,3}?"
            r"(?i:officials|officers|participants|experts|inspectors|personnel|staff|specialists|representatives|"
            r"students|trainees|agents|guards|analysts|prosecutors|judges|investigators|responders)\b)"
        ),
    ),
    # ... and the helper, its subject
    (("supporter",), _SUPPORTED),
    # "UNLIREC provided technical and legal assistance to the Dominican Republic": the subject
    # organises (the State helped takes part: the same cue, forward)
    (("organizer",), _ASSISTANCE_TO),
]
# backward cues that reach only their subject, not every name before them in the sentence
SUBJECT_ONLY = frozenset({_ASSISTED, _SUPPORTED, _ASSISTANCE_TO})
# forward cues whose list is the names right after them
NAMES_ONLY = frozenset({_VISITED, _ASSISTANCE_TO})


# For each cue, words one of which every match contains (lower case): a cue whose words are all
# absent from the lower-cased text cannot match, and its regex is not run (see guard.fold_ascii). tests/test_loaders_prose.py checks the words against text generated from each regex.
WORDS: list[tuple[str, ...]] = [
    # FORWARD
    ("fund", "financ", "paid", "contribut"),
    ("support", "assist", "expertise", "sponsor"),
    ("hosted", "invited", "welcomed"),
    ("hosted",),
    ("hosted", "invitation"),
    (
        "operation",
        "collaboration",
        "partnership",
        "coordination",
        "conjunction",
        "jointly",
        "organi",
        "convened",
        "coordinated",
        "facilitated",
        "conducted",
        "run",
        "chaired",
        "meeting",
        "session",
        "workshop",
        "conference",
        "seminar",
    ),
    ("team", "forces", "partner", "together"),
    ("held",),
    (
        "speaker",
        "presentation",
        "briefing",
        "keynote",
        "opening",
        "welcoming",
        "said",
        "opened",
        "closed",
    ),
    (
        "particip",
        "represented",
        "representatives",
        "governments",
        "delegat",
        "officials",
        "experts",
        "members",
        "attend",
        "brought",
        "consultations",
        "talks",
        "discussions",
        "meeting",
        "sessions",
        "met",
        "participating",
        "regulators",
        "operators",
        "officers",
        "practitioners",
        "specialists",
        "professionals",
        "diplomats",
        "scientists",
        "researchers",
        "trainees",
        "policy",
        "prosecutors",
        "judges",
        "parliamentarians",
        "inspectors",
        "engineers",
        "analysts",
        "academics",
        "personnel",
        "students",
        "attendees",
    ),
    ("with",),
    ("drawn", "countries", "states", "nations"),
    ("invit",),
    ("assistance", "advice"),
    ("visit", "mission"),
    ("place", "premises", "headquarters", "office"),
    # BACKWARD
    ("host",),
    ("host",),
    ("hold", "organi", "conven", "conduct", "facilitating"),
    (
        "organi",
        "convened",
        "held",
        "conducted",
        "launched",
        "facilitated",
        "chaired",
        "coordinat",
        "offered",
        "delivered",
        "ran",
    ),
    ("invited", "attend", "particip"),
    ("attended", "participat", "took", "taking", "represented", "joined", "visit", "send", "sent"),
    ("briefed", "addressed", "spoke"),
    (
        "explained",
        "stressed",
        "underlined",
        "underscored",
        "emphasi",
        "highlighted",
        "outlined",
        "pointed",
    ),
    ("delivered", "made", "gave", "presented", "offered", "provided", "shared"),
    ("funded", "financed", "sponsored", "provided"),
    ("host",),
    ("host",),
    ("conven", "organi", "hold"),
    ("assisted", "helped"),
    ("organi", "convening", "holding", "hosting", "delivering", "conducting"),
    ("train",),
    ("supported", "assisted", "helped"),
    ("assistance", "advice"),
]
