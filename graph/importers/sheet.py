"""Spreadsheets in: the elements-and-connections layout coordinators know from Kumu.

An **Elements** sheet: ``ID`` (optional: made from the label), ``Label`` (the
name), ``Type`` (the kind: Organisation, Person, Project...), ``Category`` (the
entry's own ``type`` field: university, charity...), ``Description``, ``Tags``
(kept in the note), and any other column named after a field of the kind
(lists separated by ``;``). A **Connections** sheet: ``From``, ``To`` (an ID, or
a label that names one element), ``Type`` (a relationship kind such as
PARTNER_IN or ``partner in``), and tie fields as columns (``role``, ``from``,
``to``, ``amount``...). An ``.xlsx`` file holds both sheets; CSV files hold one
each (a file with From/To columns is connections). Other column names are
mapped with a small YAML file (``columns: {Organisation name: Label, Fax: ~}``,
``types: {Org: Organisation}``, ``type: Organisation``): a column mapped to nothing
is left out, columns mapped to ``address`` are joined street, town, county, country whatever their order (a
venue's first: ``_venue_header``; ``_address_ranks``), a column mapped to
``person`` ("Main contact", "Focal point"; a delegates list's "Name" beside its "Organisation", which is then the
Label: ``_label_guess``) names people who work for the row's organisation (``PERSON_COLUMN``), register
numbers ("Charity number", "Companies House No") are read as org-ids (``register_of``), and ``type`` is the kind
of every row with no Type, so a plain list of organisations (name, address, postcode, phone) imports as it is.
Type cells that name no kind (a column of one's own categories) are one problem per sheet, with the line
that maps the column to Category. A title above the header ("Partners, March 2025" in one cell, a blank
row) is passed over, as is a note below the list ("Exported 2024-02-12 by ...", with a warning) and a heading or
note inside it, a row with one cell written ("--- Europe ---", "WOLVERHAMPTON", "NOTE: ...": ``_inner_notes``, one
warning per sheet); a website written "www...." is read as "https://www....".

Hints are commands that work when pasted: without a mapping file, every hint of a run names one new file
holding all their lines (never one already there); with one, the line to add to it; with columns no field
has, the error ends with one command that writes a new file mapping each to the field suggested for it or
leaving it out (``~``), so that pasting it imports the file. A sheet whose rows are not read for want of a Label
column is read again as the hints map it (``_look_ahead``), so that its first run says every problem.

Every problem is collected and reported at once as ``sheet:row: what
(expected ...)``, those the folder's validation finds too (at the entry's row
and column: the YAML they would otherwise point into is not written); nothing
is written when there is one. The import writes its
own files (``imports/sheet-<name>/``), so importing an edited sheet again
updates those entries by id and adds no duplicates; a row whose entry the folder's
own files hold now (a merge moved it there) is left out (``_held_elsewhere``). A cell that starts with
``'`` followed by ``= + - @`` had the quote added on export against formula
injection (OWASP), and loses it here.
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import json
import re
import shlex
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import schema
from ..errors import LcgError, UnreadableInput
from ..identifiers import BARE_WEB_ADDRESS, CRA, MAIL_DOMAINS, amount_value, currency_sign, totals_row
from .org_ids import BLANK_WORDS, ODS_SHAPE, OFSTED_NUMBER, is_blank, is_placeholder, register_ids
from .text_encoding import csv_text
from .yaml_out import FolderIndex, elsewhere, norm_name, slug, write_import, written_name

__all__ = ["SheetProblems", "SheetResult", "import_sheet", "read_tables", "ELEMENT_COLUMNS", "CONNECTION_COLUMNS",
           "FORMULA_START", "LIST_SEPARATOR"]

ELEMENT_COLUMNS = {"id": "id", "label": "name", "type": "kind", "category": "type", "description": "description",
                   "tags": "tags"}
CONNECTION_COLUMNS = {"from": "start", "to": "end", "type": "kind"}
#: Connection columns for the tie's own ``from`` / ``to`` dates (From/To name the ends).
TIE_DATE_COLUMNS = {"since date": "from", "from date": "from", "until date": "to", "to date": "to"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: The keys of a mapping file (``--map``).
MAP_KEYS = ("columns", "types", "type")
#: A column mapped to this names the people who work for the row's organisation ("Main contact: person"): each
#: becomes a Person, by name only (people carry no contact details), with a WORKS_FOR tie to the organisation;
#: a name on several rows is one person. `lcg duplicates` reads a person shared by two records as evidence.
PERSON_COLUMN = "person"
#: A column mapped to this names the part of the row's organisation the row is ("Department/Unit": "Law School"):
#: joined to its name as "University of Wolverhampton - Law School", the form `lcg duplicates` reads a unit in
#: (" - X" after a body's name: reviewed, not merged). A trial's CRM wrote a university's schools and a council's
#: services as rows of the body's name, the unit beside it: offered ~, twenty rows became the body's name again, and
#: the duplicate finder merged the council's services into the council.
UNIT_COLUMN = "unit"
#: Column names that name such a part: "Department", "Dept / Service", "Unit", "Team", "Faculty", "Directorate",
#: "Division", "School / Department" (a "School" alone is as often a school's own name: offered only beside another).
#: A station or a branch is the part of a service or a body in one place ("Station / team": a community safety
#: trial's "Bilston Fire Station" beside its Agency "West Midlands Fire Service" was offered ~, though its Team is a
#: unit and the Agency repeats on many rows).
_UNIT_WORDS = frozenset("department dept unit units service services team teams faculty directorate division section "
                        "centre institute sub station stations branch branches".split())
#: Column names that name a person ("Main contact", "Manager", "Focal point", "Liaison", "Delegate"), not a detail of
#: one ("Contact email") nor something else ("Head office", "Lead organisation", "Contact hours").
_PERSON_HEADER = re.compile(r"\b(contact|person|manager|lead|head|director|chair|co-?ordinator|officer|ceo|pi|"
                            r"principal investigator|investigator|"
                            r"headteacher|principal|secretary|treasurer|trustee|chairperson|focal point|liaison|"
                            r"representative|rep|delegate|attendee|participant|"
                            # and in the languages of Europe's lists ("Contacto", a Porto hold-out's, was offered ~)
                            r"contacto|contato|contatto|kontakt|kontaktperson|ansprechpartner|ansprechpartnerin|"
                            r"contactpersoon|responsavel|responsável|referente|yhteyshenkilo|yhteyshenkilö)\b")
#: A column's name that says it holds names, not whose ("Name", "Full name"): people's in a list of delegates, an
#: organisation's in a list of them; its cells say which (``_reads_as_people``).
_NAMES_HEADER = re.compile(r"\bnames?\b")
#: Words a "Name" column's name may have and still say only that it holds names, perhaps people's ("Full name",
#: "Contact name", "Delegate name"); any other word says whose the names are ("Project name", "Local name", "Site
#: name": a project's, a body's own in its language, a site's), and such a column holds no people (a trial's
#: reviewer saw "Open Door" and "Men in Sheds" of a "Project name", 北京大学 of a "Local name" offered as people).
_PEOPLES_NAME_WORDS = frozenset("name names full contact contacts person persons people delegate delegates attendee "
                                "attendees participant participants member members staff your his her their "
                                "display preferred".split())
_DETAIL_HEADER = re.compile(r"\b(e-?mail|phone|tel|telephone|mobile|fax|address|number|no|title|role|office|"
                            r"organi[sz]ation|partner|hours|time|days?|activity|details?)\b")
#: A cell that is or holds a contact detail, not a name alone: a figure (a phone number), an e-mail address
#: (written with "@" or " at ... dot ", "[at]", "(at)"), a web address. People carry no contact details.
_CONTACT_DETAIL = re.compile(r"\d|@|https?://|www\.|\bat\b.*\bdot\b|[\[(]at[\])]|\.(?:org|com|net|gov|ac|co)\b",
                             re.IGNORECASE)
#: How a person's name is written: one to five words of letters, "Surname, Forename" too ("Jane Smith", "Dr A.
#: Khan-Patel", "Smith, Jane", "Sarah").
_PERSON_NAME = re.compile(r"[^\W\d_][\w'’.-]*,?(?:\s+[^\W\d_][\w'’.-]*){0,4}")
#: Cells that name no one: a placeholder of any column ("N/A", "TBC": ``BLANK_WORDS``) or of a person's ("Vacant",
#: "Various", "Yes"); they are passed over.
_NO_ONE = BLANK_WORDS | frozenset("vacant x various yes no true false info reception".split()) | {
    "see website", "vacant post", "no one", "front desk"}
#: Words that make a cell a body's name or a role, not a person's: "Wolverhampton City Council", "Head of
#: Centre", "Centre Manager". A cell of role words alone ("Safeguarding Lead") is a role too; a surname that is
#: also a role's word ("Tom Head", "Emily Post") is not, beside a word that is not one.
_BODY_WORDS = frozenset("of for the council school college university trust centre center ltd limited team office "
                        "department dept service services website group association society club cic plc "
                        # and public bodies' ("Seoul Metropolitan Government", "Ministry of Education")
                        "government ministry agency institute library hospital "
                        # and those of housing and care bodies' ("Wolverhampton Homes", "Acorns Children's Hospice")
                        "homes housing hospice".split())
_ROLE_WORDS = frozenset("head teacher headteacher manager chair chairman chairperson director officer coordinator "
                        "co-ordinator ceo principal secretary treasurer administrator lead contact deputy assistant "
                        "executive chief worker leader safeguarding general enquiries admin senior curator exec "
                        "president vice clerk founder organiser organizer convenor convener conductor producer "
                        "programmer artistic membership volunteer trustee "
                        # jobs of health, care, advice and faith bodies' lists, and roles written short ("Branch Sec")
                        "adviser advisor nurse matron consultant geriatrician physician clinician therapist counsellor "
                        "counselor practitioner pharmacist librarian technician receptionist caseworker befriender "
                        "navigator connector coach mentor tutor trainer instructor vicar rector pastor imam chaplain "
                        "warden steward advocate sec secy mgr coord dir".split())
#: Words that name a service, a desk or a line rather than a person ("PALS" is Patient Advice and Liaison):
#: "Switchboard", "Helpline", "Advice line", "Self-referral", "Patient Relations", "Adult Social Care", "Duty
#: Officer". None is a family name people are known by.
_SERVICE_WORDS = frozenset("switchboard helpline infoline line advice referral referrals self-referral relations "
                           "patient patients care social access support duty desk bookings booking admissions intake "
                           "communications liaison pals enquiry information point health wellbeing".split())
#: Role and service words that are family names too ("Tom Head", "Ann Clerk", "Paul Nurse", "Syed Imam", "Sarah
#: Care", "Rosa Pastor", "Kevin Trainer"): a name may end with one, read as a job only where the cell reads as one
#: (``_reads_as_job``: "Practice Nurse", "Youth Pastor"). A trial's reviewer saw real people passed over as roles.
_SURNAME_ROLE_WORDS = frozenset("head lead clerk chief general warden steward coach principal nurse imam pastor care "
                                "trainer rector chaplain vicar tutor mentor".split())
#: Words a job's title puts before its job word ("Practice Nurse", "District Nurse", "Youth Pastor", "Personal
#: Trainer", "Life Coach", "Hospital Chaplain", "Day Care", "Foster Care"), besides role, service and body words
#: ("Senior Nurse", "Social Care", "School Nurse"): none is a given name, so the word before a family name that is
#: also a job's word tells a job ("Practice Nurse") from a person ("Paul Nurse"). Words that are given names too
#: ("Faith", "Grace", "Hope") are not here: such a cell is a person.
_JOB_QUALIFIERS = frozenset(
    # whom or where a job serves
    "practice district community specialist staff charge ward theatre clinical research dental mental nursery triage "
    "youth children children's childrens child family families adult adults older student students trainee lay "
    "associate parish church mosque temple gurdwara synagogue prison university forces army workplace port sports "
    "sport football swimming fitness personal life business career careers job employment peer dog dance music "
    # kinds of care and the illnesses specialist nurses are named for
    "day home foster respite customer urgent palliative intensive pastoral spiritual dementia primary secondary "
    "residential nursing continuing hospice cancer diabetes respiratory stroke cardiac heart tissue viability "
    "agency bank locum interim relief "
    # the charities whose nurses a job's title names ("Macmillan Nurse", "Admiral Nurse")
    "macmillan admiral".split())
#: Subjects a tutor, mentor or trainer is named for ("Maths Tutor", "ESOL Tutor", "Learning Mentor", "Reading
#: Mentor"): none is a given name, so, as a job's qualifier is (``_JOB_QUALIFIERS``), it makes the cell a job. A trial's
#: reviewer saw adult-education contacts "ESOL Tutor", "Maths Tutor", "Learning Mentor" imported as people.
_SUBJECT_WORDS = frozenset(
    "maths math mathematics english esol esl efl ell literacy numeracy learning reading writing skills it ict computer "
    "computing digital science sciences physics chemistry biology history geography languages language french spanish "
    "german art arts craft crafts drama cookery cooking sewing welsh gaelic quran qur'an arabic urdu punjabi bible "
    "study studies homework exam exams gcse sen send disability apprentice apprenticeship volunteer volunteering "
    "welfare benefits debt housing money budgeting wellbeing fitness health".split())
#: Words of a person's name written in lower case ("Sanne de Vries", "Ludwig van Beethoven", "Ali bin Hamad",
#: "Ehsan ul Haq", "Juan de los Ríos", "Maria do Carmo", "Ian mac Donald"); joined to the name by a hyphen too
#: ("Omar al-Sayed").
_NAME_PARTICLES = frozenset("de del della der den di da das dos do du la le las los van von ter ten zu y e bin bint "
                            "ibn al el ul ud ap op af mac".split())
#: How a cell names a person with their role: "Jo Bennett (Curator)", "Secretary: Jean Wild", "Jean Wild -
#: Secretary", "Secretary - Jean Wild", "Jean Wild, Secretary" (not "Smith, Jane": "Jane" is no role's word).
_IN_BRACKETS = re.compile(r"(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)")
_ROLE_FIRST = re.compile(r"(?P<role>[^:]+?)\s*:\s*(?P<name>.+)")
_DASH_OR_COMMA = re.compile(r"\s+[-\u2013\u2014]\s+|\s*,\s*")
#: Scripts that write a person's family and given name as one word, in two to four letters: Chinese and Japanese
#: (Han, kana) and Korean (Hangul): "陈静", "박서연", "山田太郎". They have no capitals, so their names cannot be told
#: from a role by case: one such word is a whole name. (Arabic, Hebrew, Thai names are written word by word, as
#: Latin ones are: one word there is a given name alone, as "Sarah" is; Cyrillic and Greek have capitals.)
_UNSPACED_SCRIPTS = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HANGUL", "HIRAGANA", "KATAKANA")
#: Roles and offices as those scripts write them, alone or after a family name ("王经理" Manager Wang, "김팀장"):
#: head teacher, manager, director, head of a department, office, secretariat, person in charge, teacher,
#: professor, contact. A word that is or ends with one is a role, not a name.
_UNSPACED_ROLE_WORDS = ("经理", "經理", "主任", "校长", "校長", "院长", "院長", "局长", "局長", "部长", "部長", "处长",
                        "處長", "科长", "科長", "市长", "市長", "秘书", "秘書", "老师", "老師", "教授", "办公室", "辦公室",
                        "负责人", "負責人", "联系人", "聯絡人", "前台", "課長", "社長", "担当", "事務局", "窓口", "先生",
                        "팀장", "부장", "과장", "교장", "시장", "원장", "국장", "사장", "실장", "담당", "담당자", "교수",
                        "선생님", "사무국", "사무실", "주무관", "센터장")
#: How one cell names several people: "Jane Smith; Raj Patel", "Jane Smith & Raj Patel", "... / ...", "... and ...".
_PEOPLE_SPLIT = re.compile(r"\s*(?:&|/|\band\b)\s*", re.IGNORECASE)
LIST_SEPARATOR = ";"
#: Columns of register numbers as lists write them ("Charity number": 1131580), read as org-ids
#: (GB-CHC-1131580, GB-SC-, GB-NIC-, GB-COH-: ``org_ids.register_ids``, as the 360Giving import reads them):
#: the strongest evidence `lcg duplicates` has that two rows are one body. Charity and company numbers' columns
#: are known by their words (``register_of``); these by their names.
REGISTER_COLUMNS = {
    "charity number": "charityNumber", "company number": "companyNumber",
    # Ofsted's URN is the establishment's (Get Information about Schools'), which Ofsted writes for colleges and
    # training providers too ("Ofsted URN" of a training providers' list, mapped to ~ by a trial's hint)
    **dict.fromkeys(("school urn", "establishment urn", "school unique reference number", "ofsted urn",
                     "ofsted reference number"), "urn"),
    **dict.fromkeys(("ukprn", "uk provider reference number"), "ukprn"),
    # the Research Organization Registry's id of a university or institute (a research office's "ROR ID": mapped
    # "ROR ID: ROR" in a universities hold-out, which the import refused as an unknown column)
    **dict.fromkeys(("ror", "ror id", "research organization registry"), "ror"),
    **dict.fromkeys(("employer identification number", "federal employer identification number"), "ein"),
    **dict.fromkeys(("kamer van koophandel", "kvk-nummer", "kvk nummer", "kvk-nr", "kvk nr"), "kvk"),
    **dict.fromkeys(("n° siret", "n° siren", "numéro siret", "numéro siren", "no siret", "n°siret"), "siren"),
    **dict.fromkeys(("n° d'entreprise", "numéro d'entreprise", "n° bce", "numéro bce", "ondernemingsnummer",
                     "ondernemingsnr", "ondernemingsnr.", "kbo-nummer", "kbo nummer", "enterprise number"), "kbo"),
    # Austria's association register's number and company register's (``org_ids._PREFIXED_REGISTERS``)
    **dict.fromkeys(("zvr-zahl", "zvr zahl", "zvr-nummer", "zvr-nr", "zvr nr", "zvr", "zvr-zahl (verein)"), "zvr"),
    **dict.fromkeys(("firmenbuchnummer", "firmenbuch-nummer", "firmenbuch-nr", "firmenbuch nr", "firmenbuch",
                     "fn-nummer", "fb-nr", "fb-nummer"), "fb"),
    "australian business number": "abn",
    # Finland's business ID, in Finnish, Swedish and English ("Y-tunnus", "FO-nummer"); South Africa's NPO and PBO
    # numbers are known by their words ("NPO No.", "PBO number": ``_REGISTER_WORDS``)
    **dict.fromkeys(("y-tunnus", "ytunnus", "y tunnus", "fo-nummer", "fo nummer", "business id (y-tunnus)",
                     "finnish business id"), "fi_business_id"),
    # the Regulator of Social Housing's number of a registered provider ("L4112"), org-id.guide's GB-SHPE; a list's
    # "RP number" is offered as it when its cells fit (``_rp_numbers``)
    "registered provider number": "shpe",
    "oscr": "charityNumber",  # the Office of the Scottish Charity Regulator's name alone: its charities' numbers
}
#: How lists name a column of charity or company numbers ("Reg Charity Number", "Companies House No", "Company
#: Reg No.", "Charity No."), or of US employer numbers ("EIN #", "Federal Tax ID"): a register's word, words from
#: ``_REGISTER_AROUND`` and a number word, no other word: "Charity" or "Company" alone (a yes or no, a name) is
#: none, nor "Company phone number".
_REGISTER_WORDS = {"charity": "charityNumber", "charities": "charityNumber", "company": "companyNumber",
                   "companies": "companyNumber", "co": "companyNumber",  # "Co. Reg. No.", "Charity/Co No"
                   "oscr": "charityNumber",  # Scotland's charity register: "OSCR no.", "OSCR / Company No."
                   "ods": "ods", "ein": "ein", "fein": "ein", "tax": "ein", "abn": "abn", "npo": "npo",
                   "pbo": "pbo", "kvk": "kvk", "siren": "siren", "siret": "siren", "kbo": "kbo", "bce": "kbo",
                   "zvr": "zvr",
                   # co-operative and community benefit societies (the Mutuals Public Register's): "Society no."
                   "society": "societyNumber", "societies": "societyNumber", "mutuals": "societyNumber",
                   "soc": "societyNumber"}  # "Charity / Co / Soc no"
_REGISTER_AROUND = frozenset("reg registered registration commission house scottish oscr uk nhs org federal irs us "
                             "identification".split())
_NUMBER_WORDS = frozenset("number no num nr nbr ref id code #".split())
#: Number words that also name a system's own key ("Company ID", "Company code" in a CRM or ledger export):
#: a register's number only beside a register named alone (``_NAMED_ALONE``: "ODS code", "Tax ID").
_KEY_WORDS = frozenset({"id", "code", "ref"})
#: Registers whose name alone says the column holds their numbers: "ODS" (the NHS's Organisation Data Service),
#: "EIN" and "FEIN" (the IRS's employer identification number), "ABN" (the Australian Business Register's), not
#: "Tax" (a yes or no, an amount).
_NAMED_ALONE = frozenset({"ods", "ein", "abn", "kvk", "siren", "kbo", "zvr"})
#: The fields of a UK register's numbers a map may give a column (read as GB-CHC-, GB-COH-: ``org_ids.register_ids``),
#: and the registers of other countries a column's name may name instead ("KvK-nummer", "N° SIRET"): only these
#: override the map ("Charity / Co / Soc no" mapped to Company number is read as the map says, as before).
_UK_REGISTERS = frozenset({"charity number", "company number"})
_ABROAD_REGISTERS = frozenset({"kvk", "siren", "kbo", "zvr", "fb", "fi_business_id", "npo", "pbo", "ein", "abn"})
#: "Tax" names the EIN's register only as a "Tax ID": a "Tax ref" or "Tax code" may be any country's.
_TAX_ID_WORDS = frozenset({"id", "identification", "ein", "fein"})
#: How one column names several registers: "ODS / UKPRN", "Charity no / Company no".
_REGISTERS_SPLIT = re.compile(r"\s*(?:/|&|,|\bor\b)\s*")
#: A column's name and a bracket after it remarking on its cells ("Charity no. (if any)", "Company number (if
#: known)"): the name without it says the register (a community trial's was offered ~).
_REMARK_AFTER = re.compile(r"(.*\S)\s*\([^()]*\)\s*")


#: The words of a column named for "the register number" without naming the register: "Registered number", "Reg.
#: No.", "Registration no": a charity's, a company's or a society's in a UK list, or a school's URN, which no word
#: says: offered as Charity number by its values (``_charity_or_company_numbers``), which reads each number by its form.
_REGISTERED_WORDS = frozenset({"reg", "registered", "registration"})


@functools.lru_cache(maxsize=1024)  # asked for every cell of a column: its name decides
def register_of(column: str) -> tuple[str, ...]:
    """The registers whose numbers a column holds, by its name (lower case): ``("charityNumber",)`` for "reg
    charity number", one per part of "ods / ukprn" or "charity / co / soc no"; none when a part names no register
    ("reg no": ``_REGISTERED_WORDS``)."""
    column = column.strip()
    if column in REGISTER_COLUMNS:
        return (REGISTER_COLUMNS[column],)
    parts = [p for p in _REGISTERS_SPLIT.split(column) if p]
    found = [_register_of_part(p) for p in parts]
    tail = " ".join(w for w in re.findall(r"[a-z]+|#", parts[-1]) if w in _NUMBER_WORDS) if parts else ""
    if tail:  # "Charity / company no.": the last part's number word is the others' too
        found = [f or _register_of_part(f"{p} {tail}") for p, f in zip(parts, found)]
        if found[-1] and tail in _KEY_WORDS:  # "Charity / Co / ODS code" (a hospice hold-out's): "code" is the
            # ODS's word for its own numbers, a ledger's key word for a charity's, so the others' are their numbers
            found = [f or _register_of_part(f"{p} number") for p, f in zip(parts, found)]
    if not (found and all(found)) and (m := _REMARK_AFTER.fullmatch(column)):
        return register_of(m.group(1))  # "Charity no. (if any)": a remark on the column, no part of its name
    return tuple(f for f in found if f) if found and all(found) else ()


def _register_of_part(part: str) -> str | None:
    """The register one part of a column's name names (``register_of``)."""
    if part in REGISTER_COLUMNS:
        return REGISTER_COLUMNS[part]
    words = re.findall(r"[a-z]+|#", part)
    registers = {_REGISTER_WORDS[w] for w in words if w in _REGISTER_WORDS}
    if len(registers) != 1 or not (_NUMBER_WORDS.intersection(words) or registers <= _NAMED_ALONE):
        return None
    if not registers <= _NAMED_ALONE and not _NUMBER_WORDS.difference(_KEY_WORDS).intersection(words):
        return None  # a "Company ID" or "Company code" is a CRM's or a ledger's key, not a register's number
    if "tax" in words and not _TAX_ID_WORDS.intersection(words):
        return None
    if all(w in _REGISTER_WORDS or w in _REGISTER_AROUND or w in _NUMBER_WORDS for w in words):
        return registers.pop()
    return None


#: What each register's numbers look like, for a problem with one that fits none, with an example.
_REGISTER_SHAPES = {"charityNumber": "5 to 7 digits, SC012345 or NIC100012, a registered society's such as IP30086R, "
                                     "a Canadian charity's such as 119035988RR0001, a South African NPO's such "
                                     "as 012-345 NPO, or an org-id such as GB-CHC-1164883",
                    "companyNumber": "up to 8 digits, or 2 letters and 6 digits, a registered society's such as "
                                     "RS007553, a South African company's such as 2005/012345/08, or an org-id "
                                     "such as GB-COH-01234567",
                    "societyNumber": "a registered society's number such as 30086R, IP30086R or RS007553, or an org-id "
                                     "such as GB-MPR-30086R",
                    "urn": "5 to 7 digits, or an org-id such as GB-URN-104301",
                    "ukprn": "8 digits from 1, or an org-id such as GB-UKPRN-10007166",
                    "ror": "a ROR id of 9 characters such as 03angcq70, or ROR:03angcq70, or https://ror.org/03angcq70",
                    "ods": "an NHS ODS code of 3 to 6 letters and digits such as RL4 or M92011, or an org-id such as "
                           "GB-NHS-RL4",
                    "ein": "a US employer identification number of 9 digits, such as 25-1000101 or 251000101",
                    "abn": "an Australian Business Number of 11 digits, such as 51 824 753 556",
                    "fi_business_id": "a Finnish business ID, 7 digits, a hyphen and a check digit, such as 0101263-6",
                    "npo": "a South African NPO number such as 012-345 NPO",
                    "pbo": "a South African PBO number of 9 digits such as 930012345",
                    "kvk": "a Dutch KvK number of 8 digits such as 24401567",
                    "siren": "a French SIREN of 9 digits or SIRET of 14, such as 779 855 123 00029",
                    "kbo": "a Belgian enterprise number of 10 digits, such as 0412.345.678",
                    "zvr": "an Austrian association's ZVR number of 9 or 10 digits, such as ZVR 123456789",
                    "fb": "an Austrian Firmenbuch number, digits and a letter, such as FN 208802x",
                    "shpe": "a registered provider of social housing's number, L or LH and 4 digits such as L4112 or "
                            "LH0174, or an org-id such as GB-SHPE-L4112"}
#: A UK postcode's district ("B68", "WV10") or its sector ("B63 3"), written alone: a part of a postcode, an area of
#: some thousands of addresses, not the street a full one ("B63 3BL") says. The schema's postcode is any text (a US
#: ZIP, another country's code), so such a cell is kept as written; but it is said, as a placeholder ("tbc") is,
#: since the user meant a postcode there and `lcg duplicates` reads no place from a part of one.
_POSTCODE_PART = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?(?:\s*[0-9][A-Z]?)?", re.IGNORECASE)
#: A column named "URN" alone may be any list's record number: offered "school urn" when its values look like a
#: school's (5 to 7 digits) or Ofsted's (EY or SC and 6: Ofsted's lists write them in one "URN" column, its own
#: numbers kept in the note once mapped: ``OFSTED_NUMBER``), never read so unasked.
_URN_VALUE = re.compile(r"(?:EY|SC)?\d{5,7}", re.IGNORECASE)


class SheetProblems(LcgError):
    """The sheets have problems (``problems``: every one, as text); nothing was written."""

    def __init__(self, problems, path, fix: str | None = None, grants: str | None = None):
        self.problems = list(problems)
        n = len(self.problems)
        then = f", or map the columns as suggested above in one go{fix}" if fix else ""
        super().__init__(f"{n} problem{'s' if n != 1 else ''} in {path}; nothing was written (fix "
                         f"{'them' if n != 1 else 'it'} and import again{then}{f'; {grants}' if grants else ''})")


@dataclass
class SheetResult:
    added: dict = field(default_factory=dict)
    nodes: int = 0
    relationships: int = 0
    written: list = field(default_factory=list)
    #: (sheet, row, name, id, where the earlier row is: "row 4", its id) of the rows of a plain list written that
    #: repeat an earlier row's name: entries of their own (``_repeats``)
    repeated: list = field(default_factory=list)
    #: the columns of a venue the sheets' addresses were read from ("Venue": ``_venue_header``)
    venue_columns: list = field(default_factory=list)
    folder: Path | None = None
    kept: list = field(default_factory=list)  # ids of the previous run written again: other files name them
    #: ids of rows not written, the folder's other files holding their entry now (:func:`_held_elsewhere`)
    held: list = field(default_factory=list)
    merged: dict = field(default_factory=dict)  # id of a row not written -> the entry it was merged into
    ties_left_out: list = field(default_factory=list)  # (sheet, row) of connections stored on such a row
    #: (id, field, the sheet's value, the user's entry's value) where a held row says other than its entry
    differs: list = field(default_factory=list)
    #: (kind, id made from the name, id written) where another file of the folder holds the first (``_ids_taken``)
    renamed: list = field(default_factory=list)
    #: (column, name, id) of the names a tie column gives that no row has, linked to the folder's entry of that name
    linked: list = field(default_factory=list)
    #: what the import read otherwise than written, one line per sheet and column ("sheet:row: ...")
    warnings: list = field(default_factory=list)
    removed: dict = field(default_factory=dict)  # kind -> entries of the previous run no longer written
    #: kind -> entries of the previous run written again, changed / as they were (``_same_entry``)
    updated: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)
    #: (sheet, row, name) of the rows named "Organisation - Unit" (``UNIT_COLUMN``), and the column they were named by
    units: list = field(default_factory=list)
    unit_column: str | None = None
    #: how many of ``units`` were made units (part_of) of the row of their organisation's name
    units_of_rows: int = 0


def unquote(value):
    """A cell's value with the formula guard taken off: ``'=SUM(1)`` -> ``=SUM(1)``."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1] in FORMULA_START:
        return value[1:]
    return value


def _separator(text: str) -> str:
    """The cell separator of a .csv file's ``text``: its first line with a comma, a tab or a semicolon (its header row,
    or a title above it) has a comma: ","; else a tab: "\t"; else ";", where the next such line has as many
    semicolons. Excel's "Unicode Text" (UTF-16, tabs between cells) is often named .csv, and read with commas it
    was one column ("missing column Label" for a header that named it); Excel's "CSV" where a comma is the
    decimal mark (Germany, France, the Netherlands) writes ";" between cells, and a German hold-out's directory
    was "missing column Label" beside a header naming it, its grants' "12.000,00 €" read as two cells. Each is
    read with its separator rather than refused: the csv module reads it as it reads commas, quotes included, and
    a comma-separated header of two columns or more always has a comma; one of one column with a tab or a
    semicolon in its name is no list's. The import says so in one warning, naming "CSV UTF-8" as the way to be
    sure."""
    lines = (line for line in text.splitlines() if "," in line or "\t" in line or ";" in line)
    first = next(lines, "")
    if "," in first:
        return ","
    if "\t" in first:
        return "\t"
    # a ";" in a note above a comma-separated header, or in a one-column list's cell, is no separator: the next line
    # holding one has as many (a review's finds)
    return ";" if first and first.count(";") == next(lines, "").count(";") else ","


#: How the import names a separator other than a comma in its warning, and the export that writes it.
_SEPARATORS_SAID = {"\t": ("tab-separated", "tabs", "as Excel saves \"Unicode Text\""),
                    ";": ("semicolon-separated", "semicolons", "as Excel saves \"CSV\" where a comma is the decimal "
                                                               "mark")}


def read_tables(path: Path, warnings: list[str] | None = None) -> dict[str, list[list]]:
    """Sheet name -> rows (the first is the header) from an .xlsx, or one table from a .csv (a Windows-1252 one
    read with a warning added to ``warnings``: :mod:`.text_encoding`)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text, warning = csv_text(path)
        if warning and warnings is not None:
            warnings.append(f"{path.name}: {warning}")
        # a file object, not lines: a cell written over two lines keeps its line break ("14424 Wentworth Ave
        # \nRiverdale" ran together as "AveRiverdale")
        separator = _separator(text)
        if separator != "," and warnings is not None:
            name, cells, saved = _SEPARATORS_SAID[separator]
            warnings.append(f"{path.name}: read as {name}, its header row having {cells} and no comma ({saved}); to be "
                            "sure of it, save it as \"CSV UTF-8\" and import that")
        try:
            return {path.name: [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=separator)]}
        except csv.Error as e:  # a cell past the reader's limit (131,072 characters), a NUL byte
            raise UnreadableInput(f"{path}: not readable as CSV ({e}): a cell too long or a NUL byte; shorten or "
                                  "remove it and import again") from None
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
            raise UnreadableInput(f"{path}: not a readable .xlsx workbook ({e.__class__.__name__}); save it as .xlsx "
                           "and import again") from None
        try:
            return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}
        finally:
            book.close()
    raise UnreadableInput(f"{path}: expected a .xlsx or .csv file")


def _mapping(path) -> tuple[dict, dict, str | None, dict]:
    """(columns, types, the kind of rows with no Type, the columns' names as the file writes them) from the
    mapping file; a column mapped to nothing (``Fax: ~``) maps to "", which the reader leaves out."""
    if path is None:
        return {}, {}, None, {}
    from ..yaml_files import safe_load

    try:
        data = safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except Exception as e:
        raise UnreadableInput(f"{path}: not a readable mapping file ({e.__class__.__name__}); expected YAML with "
                       "columns: and types:") from None
    if not isinstance(data, dict):
        raise UnreadableInput(f"{path}: expected a mapping with columns: and types:")
    for key in data:
        if str(key) not in MAP_KEYS:  # read as nothing, a mistyped key would leave every column unmapped
            raise UnreadableInput(f"{path}: unknown key {str(key)!r} (expected {', '.join(MAP_KEYS)}"
                                  f"{_closest(str(key), MAP_KEYS)})")
    for key, example in (("columns", "Site name: Label"), ("types", "Charity: organisation")):
        if not isinstance(data.get(key) or {}, dict):
            raise UnreadableInput(f"{path}: {key}: expected a mapping, one line per column "
                                  f"(e.g. {key}: {{{example}}})")
    if isinstance(data.get("type"), (dict, list)):
        raise UnreadableInput(f"{path}: type: expected one kind, e.g. type: organisation")
    cols = {str(k).strip().lower(): "" if v is None else str(v).strip() for k, v in (data.get("columns") or {}).items()}
    types = {str(k).strip().lower(): str(v).strip() for k, v in (data.get("types") or {}).items()}
    kind = data.get("type")
    given = {str(k).strip().lower(): str(k).strip() for k in data.get("columns") or {}}
    return cols, types, None if kind is None else str(kind).strip(), given


def _kind_names() -> dict[str, str]:
    out = {}
    for k in schema.NODE_KINDS.values():
        out[k.name.lower()] = k.name
        out[k.file.rsplit(".", 1)[0]] = k.name
    return out


def _rel_names() -> dict[str, str]:
    out = {}
    for r in schema.REL_KINDS:
        out[r.lower()] = r
        out[r.lower().replace("_", " ")] = r
    return out


def _closest(value: str, choices, cutoff: float = 0.5) -> str:
    close = difflib.get_close_matches(value.lower(), list(choices), n=1, cutoff=cutoff)
    return f"; did you mean {close[0]!r}?" if close else ""


def _cell(v):
    v = unquote(v)
    if isinstance(v, str):
        v = v.strip()
        return v or None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if hasattr(v, "isoformat"):  # a date cell
        return v.isoformat()[:10]
    return v


class _Reader:
    def __init__(self, column_map, type_map, default_kind: str | None = None):
        self.column_map, self.type_map = column_map, type_map
        self.default_kind = default_kind
        self.problems: list[str] = []
        self.kinds, self.rels = _kind_names(), _rel_names()
        self.map_file: str | None = None  # the mapping file given, and the command run (for hints)
        self.given: dict[str, str] = {}  # the mapping file's column names, lower case -> as it writes them
        self.rerun: Callable[..., str] = lambda map_file, needed=None: f"lcg import sheet ... --map {map_file}"
        #: (sheet, column, kind) -> [first row, rows, its place in ``problems``, the first value]: an unknown
        #: column is said once, with its count
        self.unknown: dict[tuple[str, str, str], list] = {}
        #: sheet -> [its place in ``problems``, the rows with no name...] (``_no_names``)
        self.no_label: dict[str, list[int]] = {}
        #: sheet -> (its header row, the rows under it) of each sheet of elements read (``_no_names``)
        self.sheet_rows: dict[str, tuple[list, list[list]]] = {}
        #: the same -> the name of each row beside those values (``_kinds_of_bodies``)
        self.unknown_names: dict[tuple[str, str, str], list[str]] = {}
        #: sheet -> Type text naming no kind -> its rows; "@" -> its place in ``problems`` (``unknown_kinds``)
        self.unknown_kind: dict[str, dict] = {}
        #: sheet -> [its place in ``problems``, (row, id, the id's first row)...] (``ids_twice``)
        self.twice: dict[str, list] = {}
        #: the lines the hints would write into a new mapping file, and the kind the rows need once their Type
        #: column is mapped to Category (``map_hint``, ``finish``)
        self.suggested: list[tuple[str, str]] = []
        #: column (as the sheet writes it) -> the field a hint maps it to, mapping file or not: how the rows are
        #: read ahead when a sheet's were not (``_look_ahead``)
        self.ahead: dict[str, str] = {}
        self.kind_needed: str | None = None
        #: (column, field) an unknown column's problem suggests mapping it to, "" for none (``fix_all``)
        self.column_fixes: list[tuple[str, str]] = []
        #: rows whose Type names a kind, and whether the sheets hold connections: a mapping applies to every
        #: sheet, so a hint that maps Type or ID away is given only when it breaks none (``unknown_kinds``)
        self.known_kinds = 0
        self.connections = False
        #: (entry, sheet, row) of a plain list's rows, each an entry of its own, its id made from its name (``_repeats``)
        self.plain: list[tuple[dict, str, int]] = []
        #: sheet -> field or column as read (lower case) -> the column's header as the sheet has it
        self.headers: dict[str, dict[str, str]] = {}
        #: sheet -> its header's column names (lower case) in their order (``_in_the_address``)
        self.in_order: dict[str, list[str]] = {}
        #: what the import's error says of a sheet that is a list of grants with no Identifier column (``_not_grants``)
        self.grants_list: str | None = None
        #: id -> (sheet, row, field -> column) of the element; (id, slot) -> the same of each connection in it
        self.rows: dict[str, tuple[str, int, dict[str, str]]] = {}
        self.tie_rows: dict[tuple[str, str], list[tuple[str, int, dict[str, str]]]] = {}
        #: (sheet, row, organisation id, name) of each person the person columns name (``_people``), and
        #: (sheet, column) -> [its place in ``problems``, (row, text)...] of cells that name no person
        self.people: list[tuple[str, int, str, str, str | None]] = []  # ... and the role the cell gives them
        #: (sheet, row, text, written in its first cell) of the notes below a list passed over ("Exported ... by
        #: ...": ``_footer``; "NOTE: ..." with no row after it: ``_inner_notes``)
        self.footers: list[tuple[str, int, str, str]] = []  # sheet, row, text, how it was told from a row
        #: sheet -> (row, text) of the headings and notes inside a list passed over ("--- Europe ---": ``_inner_notes``)
        self.inner_notes: dict[str, list[tuple[int, str]]] = {}
        #: sheet -> ([(row, text)...] of rows of one cell imported though written as the headings passed over are,
        #: [those headings]) ("Sandwell" among "Wolverhampton", "Walsall": ``_inner_notes``)
        self.heading_like: dict[str, tuple[list[tuple[int, str]], list[str]]] = {}
        #: sheet -> (row, label, [figures]) of the totals rows passed over ("Total awarded", "£92,200": ``_totals``)
        self.totals: dict[str, list[tuple[int, str, list[str]]]] = {}
        #: what was said of a whole file (a CSV read as Windows-1252)
        self.file_warnings: list[str] = []
        self.files: dict[str, Path] = {}  # sheet (a CSV's file name) -> the file it is in (``_cite_files``)
        #: (sheet, column) -> (row, role) of the roles a person column gives that no tie could keep (``_person_cell``)
        self.roles_left: dict[tuple[str, str], list[tuple[int, str]]] = {}
        self.not_names: dict[tuple[str, str], list] = {}
        #: (sheet, column) -> (row, cell) of the roles and teams a person column names ("Parish Office"), passed over
        self.roles: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, column) -> (row, cell) of the placeholders read as empty ("N/A", "-": ``_row``)
        self.blanks: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, column) -> (row, cell) of the e-mail addresses a website column holds, passed over (``_an_email``)
        self.emails: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, column) -> (row, cell) of a website column's mail providers' domains ("btinternet.com")
        self.mail_domains: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: A website column's cells of words, no web address ("Drop in, no booking"): kept in the note, said.
        self.remarks: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, column) -> (row, cell, what was read) of the cells read in part: "Reg. Charity 1110039"
        self.repairs: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
        #: (sheet, tie column) -> (row, cell) of the cells naming no body ("school", "club run": ``_no_bodies``),
        #: kept in the note (``_tie_cells``)
        self.no_bodies: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, tie column) -> (row, cell) of the cells of one common word ("volunteers", "council":
        #: ``_one_common_word``), kept in the note (``_tie_cells``)
        self.common_words: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, tie column) -> (row, cell) of the cells naming the row's own body ("Smethwick Heritage Centre
        #: Trust" running "Smethwick Heritage Centre": ``_runs_itself``), tied to nothing, kept as an alias
        self.own_bodies: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, register column) -> (row, cell) of the words with no digit written there ("CASC"), kept in the
        #: note (``_register_cells``)
        self.not_numbers: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, register column) -> (row, cell) of the numbers with a remark in a bracket after them ("1189234 (CIO
        #: since 2023)"): the number read, the cell kept in the note (``_register_cells``)
        self.number_remarks: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, column) -> (row, cell) of the postcode cells that give only a district or sector ("B68", "B63 3":
        #: ``_POSTCODE_PART``), kept as written and said (``_warnings``)
        self.postcode_parts: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, URN column) -> (row, cell) of Ofsted's own numbers there ("EY301245", "SC055511":
        #: ``OFSTED_NUMBER``), kept
        #: in the note, not as org-ids (``_register_cells``)
        self.ofsted_numbers: dict[tuple[str, str], list[tuple[int, str]]] = {}
        #: (sheet, register column) -> [its place in ``problems``, (row, what, cell)...] of numbers no register of
        #: the column has (``_unfit_numbers``)
        self.unfit: dict[tuple[str, str], list] = {}
        #: (sheet, register column) -> [its place in ``problems``, (row, cell)...] of bare numbers that have the
        #: form of two registers the column's name names, a UKPRN's and a company's (``_two_forms_said``)
        self.two_forms: dict[tuple[str, str], list] = {}
        #: (sheet, register column) of the cells written "NIC100123", and -> (row, entry, cell) of the bare numbers
        #: in NIC's range there ("100123"): Northern Ireland's where the column writes NIC (``_northern_irish_numbers``)
        self.nic_columns: set[tuple[str, str]] = set()
        self.bare_nic: dict[tuple[str, str], list] = {}
        #: (sheet, register column) of the cells written as a Canadian charity's ("119035988RR0001"), and -> (row,
        #: entry, cell, odd) of the bare numbers of 9 digits there, which no UK register has (``_canadian_numbers``)
        self.cra_columns: set[tuple[str, str]] = set()
        self.bare_cra: dict[tuple[str, str], list] = {}
        #: sheet -> [its place in ``problems``, (row, value)...] of register numbers in an identifiers column
        self.bare_numbers: dict[str, list] = {}
        #: (sheet, "cqc" or "unfit") -> [its place in ``problems``, (row, register, cell)...] of an identifiers
        #: column's cells naming a register that holds no such number, and of CQC ids (``_said_ids_said``); sheet ->
        #: the column's cells read, and the registers its cells named by a word (``_identifier_cells``)
        self.said_ids: dict[tuple[str, str], list] = {}
        #: (sheet, aliases column) -> (row, cell) of the cells naming another body ("part of Recovery Focus"),
        #: kept in the note (``_alias_cells``)
        self.other_bodies: dict[tuple[str, str], list[tuple[int, str]]] = {}
        self.id_cells: dict[str, int] = {}
        self.said_registers: dict[str, set[str]] = {}
        #: (sheet, row, name made) of the rows named "Organisation - Unit" from a unit column (``UNIT_COLUMN``)
        self.units: list[tuple[str, int, str]] = []
        #: (sheet, row, id, kind, the body's name as its cell writes it) of those rows: each a unit of the row of that
        #: name, where the sheets have one (``_units_of_their_rows``)
        self.unit_bodies: list[tuple[str, int, str, str, str]] = []
        self.units_of_rows = 0
        #: the names of the columns of a venue mapped to address ("Venue"), as the sheets write them
        self.venue_columns: list[str] = []
        self.made_ids: set[str] = set()  # ids made from a row's label (no ID column), which may be changed
        #: id made for a plain list's row -> the id its name makes, which rows of one name share (``_ids_taken``)
        self.made_base: dict[str, str] = {}
        self.made_people: set[str] = set()  # ids of the people this import writes for its person columns
        #: (sheet, row, element id, its kind, tie key, cell) of the cells of columns mapped to a tie's key
        #: ("Provider Organisation: part_of"), made ties once every row is read (``_tie_cells``)
        self.tie_cells: list[tuple[str, int, str, str, str, Any]] = []
        #: id -> (sheet, column) of each organisation made for a name a tie column gives that no row has
        self.made_parents: dict[str, tuple[str, str]] = {}
        #: (sheet, row, name, id, other file) of the rows written as the record another import's file held by
        #: their name alone, dropped from that file (``_bare_records``)
        self.bare_taken: list[tuple[str, int, str, str, str, str]] = []

    def origin(self, node_id: str, path: tuple) -> tuple[str, int, str | None] | None:
        """Where the entry ``node_id`` (the tie at ``path``) was read: (sheet, row, column of the field at
        ``path``, if one): problems the folder's validation finds are reported there (``write_import``)."""
        ties = self.tie_rows.get((node_id, path[0])) if len(path) > 1 and isinstance(path[1], int) else None
        if ties is not None and path[1] < len(ties):
            sheet, n, columns = ties[path[1]]
            path = path[2:]
        elif node_id in self.rows:
            sheet, n, columns = self.rows[node_id]
        else:
            return None
        return sheet, n, columns.get(path[0]) if path else None

    def header(self, sheet, row, wanted: dict, required, line: int = 1, body=()) -> list | None:
        """The fields of the header ``row`` (on the sheet's row ``line``, the rows ``body`` under it), or None when
        it is no header."""
        cols = []
        for c in row:
            name = str(c or "").strip()
            mapped = self.column_map.get(name.lower(), name)  # "" for a column mapped to nothing: left out
            if str(mapped).lower() == "identifiers" and register_of(name.lower()):
                mapped = name  # "Charity/Company No: identifiers" is read as unmapped (``_register_cells``)
            elif str(mapped).lower() in _UK_REGISTERS and (regs := set(register_of(name.lower()))) and \
                    regs <= _ABROAD_REGISTERS:
                mapped = name  # "KvK-nummer: Company number": the column's name says whose register; the map, only
                # that it is a company's number (a Rotterdam hold-out's KvK numbers were written GB-COH-)
            elif str(mapped).strip().lower() == "urn" and name.lower() in self.column_map:
                mapped = "school urn"  # "URN: URN" in a map says the column holds schools' URNs (a schools
                # hold-out's map was refused, its hint offering "school urn"); unmapped, "URN" is any list's number
            cols.append(mapped)
        _name_parts(row, cols)
        lower = [c.lower() for c in cols]
        twice = sorted({c for c in lower if c and lower.count(c) > 1 and c not in JOINED_FIELDS})
        for c in twice:  # a row would keep one of the two cells and lose the other without a word
            given = [str(h or "").strip() for h, m in zip(row, lower) if m == c]
            self.problems.append(f"{sheet}:{line}: columns {' and '.join(map(repr, given))} are both {c} (expected one "
                                 f"column per field; leave one out with {_yaml_key(given[-1])}: ~ under columns: "
                                 "in a mapping file)")
        if twice:
            return None
        self.headers[sheet] = {}
        self.in_order[sheet] = [str(h or "").strip().lower() for h in row]
        for c, h in zip(cols, row):
            if c:  # columns joined into one field are named together: "Address 1 + Town"
                was = self.headers[sheet].get(c.lower())
                self.headers[sheet][c.lower()] = f"{was} + {str(h).strip()}" if was else str(h).strip()
        parts = [h for c, h in self.headers[sheet].items() if c.startswith(PERSON_PART)]
        if parts:  # the person columns, parts of names among them, as one
            self.headers[sheet][PERSON_COLUMN] = " + ".join(
                x for x in (self.headers[sheet].get(PERSON_COLUMN), *parts) if x)
        missing = [r for r in required if r not in lower]
        if missing:
            shown = [w.title() for w in wanted if w in required or w not in ("type",) or not self.default_kind]
            if "type" in missing and "label" in missing:
                self.kind_needed = "organisation"  # a plain list: the command the hint gives says its kind
            hint = self.label_hint(row, body) if "label" in missing else None
            if hint is None and missing == ["type"] and wanted is ELEMENT_COLUMNS:  # a list of elements only
                hint = f"; for a list of one kind, give it: {_RERUN}"
                self.kind_needed = "organisation"
            hint = hint or "; name your own columns in a mapping file (columns:)"
            self.problems.append(f"{sheet}:{line}: missing column{'s' if len(missing) > 1 else ''} "
                                 f"{', '.join(m.title() for m in missing)} (expected a header row with "
                                 f"{', '.join(shown)}{hint})")
            return None
        return cols

    def label_hint(self, row, body=()) -> str | None:
        """How to name a column of ``row`` that holds names (``Site name``) Label: a command to paste, or
        the line to change in the user's mapping file (which may map that column to something else). A column
        of people's names that the guess passed over for the organisations' is mapped to person with it."""
        cells = [str(c).strip() for c in row if c not in (None, "") and str(c).strip()]
        columns = {str(c).strip(): [r[i] if i < len(r) else None for r in body]
                   for i, c in enumerate(row) if c not in (None, "") and str(c).strip()}
        organisations = (self.default_kind or "organisation").lower().startswith("org")
        guess = _label_guess(cells, organisations, columns)
        if guess is None:
            return None
        named, sure, people = guess
        unit = None if people or not organisations else _units_naming_every_row(named, columns)
        if unit is not None:  # "Service" names every row, "Organisation" not: the service is the row
            self.ahead.update({unit: "Label", named: "part_of"})
            return self.map_hint(unit, "Label", f"column {named!r} is empty on rows that {unit!r} names: ",
                                 f"make {unit!r} the Label and each row a unit of the organisation {named!r} names",
                                 [(named, "part_of")])
        self.ahead[named] = "Label"
        if not people:
            return self.map_hint(named, "Label", "" if sure else "if it holds the rows' names, ")
        self.ahead.update(dict.fromkeys(people, PERSON_COLUMN))
        which = f"column {people[0]!r} holds" if len(people) == 1 else \
            f"columns {', '.join(map(repr, people[:-1]))} and {people[-1]!r} hold"
        return self.map_hint(named, "Label", f"{which} people's names, not the organisations': ",
                             f"make {named!r} the Label and each name a person who works for the row's organisation",
                             [(c, PERSON_COLUMN) for c in people])

    def map_hint(self, named: str, to: str, why: str = "", lead: str | None = None,
                 also: list[tuple[str, str]] | None = None) -> str:
        """"; name ..." with the command (or the line of the user's mapping file) that maps column ``named``
        to ``to`` (and the column and field ``also``); ``why`` goes before it ("if they are categories of your
        own, "). Without a mapping file, every hint of a run names one file holding all their lines (``finish``):
        pasting any of them fixes them all, and none writes over another's."""
        pairs = [(named, to), *(also or ())]
        if self.map_file is None:
            self.suggested += [pair for pair in pairs if pair not in self.suggested]
            return f"; {why}{lead or 'name your own column'} in a mapping file: {_NEW_MAP}"
        lines = []
        for column, field in pairs:
            now = self.column_map.get(column.lower())
            lines.append(f"{_yaml_key(column)}: {field}" + (f" (it maps it to {now or '~'} now)" if now is not None
                                                             else ""))
        return (f"; {why}{lead + ': ' if lead else ''}in {self.map_file}, under columns:, write "
                f"{' and '.join(lines)}, then run: {_RERUN}")

    def _map_lines(self, map_kind: str | None) -> list[str]:
        """The lines of a mapping file holding the one given (if any), every hint's line and every column's
        suggested field."""
        columns = {self.given.get(c, c): v for c, v in self.column_map.items()}  # as the mapping file writes them
        columns.update(self.ahead)
        columns.update(self.suggested)
        mapped = {self.given.get(c, c) for c in self.column_map}
        for column, fix in self.column_fixes:  # a field one sheet suggests is not undone by another's ~; the
            if fix or column not in columns or column in mapped:  # user's own line, which failed, is replaced
                columns[column] = fix
        lines = ["columns:", *(f"  {_yaml_key(c)}: {v or '~'}" for c, v in columns.items())]
        if self.type_map:
            lines += ["types:", *(f"  {_yaml_key(t)}: {k}" for t, k in self.type_map.items())]
        if map_kind:
            lines.append(f"type: {map_kind}")
        return lines

    def _write_map(self, lines: list[str], kind: str | None) -> str:
        """The command that writes ``lines`` into a new mapping file and imports again with it: each line one
        argument of printf's "%s", so no quote, backslash or percent sign in a column's name is read as an
        escape."""
        target = _free_map_name()
        return (f"printf '%s\\n' {' '.join(shlex.quote(line) for line in lines)} > {target} && "
                f"{self.rerun(target, kind)}")

    def fix_all(self, map_kind: str | None) -> str | None:
        """With a column no field has, one command that writes a new mapping file with every line
        (``_map_lines``), each such column mapped to its suggested field or left out (``~``), and imports again
        with it: pasted, it fixes every unknown column at once (a trial's one-go map left out the columns it had
        no field for, and failed again on them)."""
        if not self.column_fixes:
            return None
        command = f"`{self._write_map(self._map_lines(map_kind), None if self.default_kind else self.kind_needed)}`"
        return f" (columns mapped to ~ are left out): {command}" if any(not f for _, f in self.column_fixes) \
            else f": {command}"

    def finish(self, map_kind: str | None) -> None:
        """The hints' commands, now that every problem is known (``map_hint``): a new mapping file's is the one-go
        command's when there is one (``fix_all``), so that any hint pasted fixes every column; that command is then
        the last line's alone, the others pointing to it, so that a long command is printed once."""
        if not any(_NEW_MAP in p or _RERUN in p for p in self.problems):
            return
        kind = None if self.default_kind else self.kind_needed  # a Type column mapped away: every row's kind
        # in backquotes, as the other commands' hints are: the ")" closing the problem's line is no part of it
        new = f"`{self._write_map(self._map_lines(map_kind), kind)}`"
        rerun = f"`{self.rerun(self.map_file, kind)}`"
        if self.column_fixes:  # the last line gives that command (``fix_all``): said once, not on every line (a
            # trial's error printed the whole command twice, a venues list's three times)
            self.problems = [p.replace(f": {_NEW_MAP}", ", as the command on the last line does") for p in
                             self.problems]
        self.problems = [p.replace(_NEW_MAP, new).replace(_RERUN, rerun) for p in self.problems]

    def kind(self, sheet, n, text, cell: bool = True) -> str | None:
        """The kind ``text`` names (a Type cell's, or the kind given for rows with none: not ``cell``), or None
        (said once per sheet, ``unknown_kinds``)."""
        t = self.type_map.get(text.lower(), text)
        kind = self.kinds.get(t.lower())
        # only a Type cell says what its column holds: a trial's list of universities with --type organisation
        # had one row with no Type, counted as a kind named, so "Type: Category" was never offered
        self.known_kinds += kind is not None and cell
        if kind is None:  # said once per sheet, with its rows and values, when the sheet is read (``unknown_kinds``)
            values = self.unknown_kind.get(sheet)
            if values is None:
                values = self.unknown_kind[sheet] = {"@": len(self.problems)}
                self.problems.append("")
            values.setdefault(text, []).append(n)
        return kind

    def ids_twice(self) -> None:
        """One line per sheet for the IDs used on more than one row: a column named ID that holds something
        else (the entity a labelled list's rows belong to) repeats on most rows."""
        for sheet, (at, *rows) in self.twice.items():
            n, node_id, first = rows[0]
            where = _rows_at(sheet, n, len(rows))
            firsts = dict((i, f) for _, i, f in reversed(rows))  # each id's first row
            ids = list(dict.fromkeys(i for _, i, _ in rows))  # each id once, in the order of the rows
            shown = ", ".join(f"{i!r} (first on {firsts[i]})" for i in ids[:3]) + (", ..." if len(ids) > 3 else "")
            column = self.headers.get(sheet, {}).get("id", "ID")
            hint = "" if self.connections else self.map_hint(  # connections name rows by their ids
                column, "~", "if they are no ids of your rows, ", "leave the column out")
            self.problems[at] = (f"{where}: id{'s' if len(rows) > 1 else ''} used twice: {shown} (expected one row "
                                 f"per element, or distinct IDs{hint})")

    def unknown_kinds(self) -> None:
        """One line per sheet for the Type cells that name no kind: a column of one's own categories
        ("american", "french"... in a list of restaurants) is one problem, not one per row."""
        for sheet, values in self.unknown_kind.items():
            at = values.pop("@")
            rows = sorted(n for ns in values.values() for n in ns)
            where = _rows_at(sheet, rows[0], len(rows))
            expected = f"expected one of {', '.join(schema.NODE_KINDS)}"
            if len(values) == 1:
                (text,) = values
                cutoff = 0.8 if len(rows) > 1 else 0.5  # on many rows, only a kind misspelt
                close = _closest(self.type_map.get(text.lower(), text), self.kinds, cutoff=cutoff)
                if close or len(rows) == 1:  # a kind misspelt on every row ("Organsation"), or one cell
                    self.problems[at] = f"{where}: unknown type {text!r} ({expected}{close})"
                    continue
            common = sorted(values, key=lambda v: (-len(values[v]), v))
            shown = ", ".join(f"{v!r} ({len(values[v])})" for v in common[:5])
            more = f" and {len(common) - 5} more" if len(common) > 5 else ""
            column = self.headers.get(sheet, {}).get("type", "Type")
            hint = ""
            if not self.known_kinds and not self.connections:  # the column names no row's kind: it is theirs
                self.kind_needed = "organisation"  # the rows' kind, once the column is theirs: the commonest list
                what = "they are categories" if len(common) > 1 else "it is a category"
                hint = self.map_hint(column, "Category", f"if {what} of your own, ")
                self.ahead[column] = "Category"
            self.problems[at] = (f"{where}: unknown type{'s' if len(common) > 1 else ''} {shown}{more} ({expected}"
                                 f"{hint})")

    def rel(self, sheet, n, text) -> str | None:
        t = self.type_map.get(text.lower(), text)
        rel = self.rels.get(t.lower().replace("-", " ").strip())
        if rel is None:
            self.problems.append(f"{sheet}:{n}: unknown connection type {text!r} (expected one of "
                                 f"{', '.join(schema.REL_KINDS)}{_closest(t, self.rels)})")
        return rel


def _free_map_name() -> str:
    """A mapping file's name for a hint to write: a file of that name here is the user's (another list's
    map), which the hint must not write over."""
    return next((f for k in range(1, 100) if not Path(f := "map.yaml" if k == 1 else f"map-{k}.yaml").exists()),
                "lcg-map.yaml")


#: Marks in a hint for the commands ``_Reader.finish`` writes in: a new mapping file, the import run again.
_NEW_MAP, _RERUN = "\x00new map\x00", "\x00rerun\x00"
#: Header words of the column that names a list's rows, when no column says "name": "Organisation", "School",
#: "Group", "Employer", "City / organisation".
LABEL_WORDS = frozenset("organisation organization org company partner institution school recipient "
                        "affiliation charity provider body site group employer business club firm agency "
                        "establishment venue setting".split())
#: Header words of a column that holds something else than the rows' names: "Organisation type", "Group ref",
#: "Company size", "Site postcode", and a name of something the row runs or is called elsewhere ("Project name",
#: "Event name", "Local name": a review's list offered 'Project name: Label' beside an "Organisation" column).
_NOT_LABEL_WORDS = frozenset("id ref reference no number code type category sector kind status size date year "
                             "amount total count url website web email address postcode phone tel "
                             "project projects programme program event activity course local".split())


def _label_guess(cells: list[str], organisations: bool,
                 columns: dict[str, list] | None = None) -> tuple[str, bool, tuple[str, ...]] | None:
    """The header cell of the column that likely names the rows, whether its name says so, and the columns of
    people's names to map to person beside it (or none): a "... name" column ("Organisation Name", "Name of
    group"), else one named with a ``LABEL_WORDS`` word ("Group", "Employer", "City / organisation"), else (not
    sure) the first column no field, register or person has. In a list of organisations a column of people
    ("Contact Name", "Chair") is none of these: it holds the contacts, not the organisations' names (a trial's
    grants list was offered 'Contact Name: Label'); only when no other column could be one, its hint is still a
    command to paste. A place's column ("Member city": ``_FIELD_WORDS``) is an address, not the guess.

    Nor is a "Name" column (or a "First name" and a "Last name") whose cells (``columns``, the rows' cells of each
    column) are people's names, at least as much as those of a column named for the organisations alone: a list
    of delegates ("Name": "Dr Anna Schmidt", "Organisation / Institution"; an event's export: "First Name", "Last
    Name", "Company") names people who work for the organisations, and a trial's 125 delegates were imported as
    organisations; that column is the Label, the names' columns are person."""
    def words(c: str) -> set[str]:
        return set(re.findall(r"[a-z]+", c.lower()))

    def person(c: str) -> bool:
        return organisations and bool(_PERSON_HEADER.search(c.lower())) and not words(c) & LABEL_WORDS

    free = [c for c in cells if not person(c) and not register_of(c.lower()) and not words(c) & _NOT_LABEL_WORDS
            and c.lower() not in FIELD_SYNONYMS  # "Trading name", "Other names": the aliases, not the name
            and (columns is None or c not in columns or _names_most_rows(columns[c]) and not _lists(columns[c]))]
    named = next((c for c in free if "name" in c.lower()), None)
    parts = _name_part_columns(free)
    # named for the rows' organisations alone: "Organisation / Institution", "Employer", not "Parent organisation"
    # nor "Lead body" (another body than the row's, beside a "Name" of the row's own)
    bodies = next((c for c in free if c != named and c not in parts and words(c) - {"name", "of", "the"}
                   and all(w in LABEL_WORDS or w.rstrip("s") in LABEL_WORDS for w in words(c) - {"name", "of", "the"})),
                  None)
    if bodies is not None and organisations and columns is not None:
        for people in (parts, [named] if named is not None and named not in parts and _peoples_names_header(named)
                       else []):
            names = [" ".join(str(v) for v in row if v not in (None, "")) for row in zip(*(columns[c] for c in people))]
            if people and _reads_as_people(names, strict=True) and _people_share(names) >= _people_share(
                    columns[bodies]):
                return bodies, True, tuple(people)
    def label_word(c: str) -> bool:
        return bool({w.rstrip("s") for w in words(c)} & LABEL_WORDS or words(c) & LABEL_WORDS)

    # who runs a row ("Lead organisation", "Delivered by") or where it meets ("Venue") is said of the rows, not
    # their names: the Label only where no other column could be (``_runs_or_houses_rows``)
    around = [c for c in free if _runs_or_houses_rows(c.lower())]
    if named is None and organisations:
        named = next((c for c in free if c not in around and label_word(c)), None)
    if named is None and organisations and around:  # the column naming what the list lists leads its row
        named = next((c for c in free[:free.index(around[0])] if _unknown_header(c)), None)
        if named is not None:
            return named, False, ()
        named = next((c for c in around if label_word(c)), None)
    if named is not None:
        return named, True, ()
    first = next((c for c in free if _unknown_header(c)), None) or \
        next((c for c in cells if person(c) and "name" in c.lower()), None)  # no other: a hint still to paste
    return None if first is None else (first, False, ())


def _unknown_header(c: str) -> bool:
    """Whether a column's name is none a field, a kind's field, a detail or an address has: it may name the rows."""
    known = {*ELEMENT_COLUMNS, *FIELD_SYNONYMS, *(f.name for k in schema.NODE_KINDS.values() for f in k.fields)}
    return c.lower() not in known and not _DETAIL_HEADER.search(c.lower()) \
        and not _FIELD_WORDS["address"].search(c.lower())


def _runs_or_houses_rows(col: str) -> bool:
    """Whether a column's name (lower case) names the body running each row ("Delivered by", "Lead organisation":
    ``_PARENT_HEADER``) or the venue it is at (``_venue_header``), without saying "name": such a column describes the
    rows, and a list names its rows in a column of its own ("Provision", "Hub"), before it. A youth trial's directory
    ("Provision", "Delivered by", "Venue") was offered 'Venue: Label' and 'Provision: ~', and a family hubs list
    ("Hub", "Lead organisation") 'Lead organisation: Label': 37 hubs named after councils, every hub's name lost.
    A list of venues ("Venue", "Operator") or of providers ("Provider", "Address") still names its rows by them. So
    is a column naming another body the row works for ("Lead partner", "Funder": ``_OTHER_BODY_HEADER``)."""
    return "name" not in col and (bool(_PARENT_HEADER.search(col) or _LEAD_HEADER.search(col)
                                       or _OTHER_BODY_HEADER.search(col)) or _venue_header(col))


def _names_most_rows(values: list) -> bool:
    """Whether a column is written on more of the rows than it is empty on: a column empty on most rows holds what
    only some rows have (a venue, a parent body), not the rows' names, and as the Label it would stop the import with
    "no name in column ..." on most rows, a hint that cannot work when pasted (a youth trial's 'Venue: Label' failed
    so on 45 rows of 82)."""
    return 2 * sum(_has_letters(v) for v in values) > len(values)


def _lists(values: list) -> bool:
    """Whether most written cells of a column are lists, several parts split by "," ";" or "+" ("Moseley Park,
    Coppice, Deansfield", "Windsor High, Earls High, + 12 primaries"): what each row holds or works with, not its
    name, one body's. A schools trial's list of trusts was offered 'Schools in trust: Label' beside "Trust" ("school"
    being a word of a names' column), and the pasted hint stopped with "no name in column 'Schools in trust'"."""
    texts = [str(v) for v in values if _has_letters(v)]
    return 2 * sum(len([p for p in re.split(r"[,;+]", t) if p.strip()]) > 1 for t in texts) > len(texts) > 0


def _units_naming_every_row(named: str, columns: dict[str, list]) -> str | None:
    """The column naming the part of a body each row is ("Service", "Department": ``_unit_header``) written on every
    row, when the organisations' column ``named`` (the Label's guess) is empty on some: each row is then the unit
    it names, and a unit of the body the organisations' column names where it names one (part_of). A trial's
    employment directory ("Service": "Jobcentre Plus Bilston", "Organisation": "DWP", empty beside "Citizens Advice
    Dudley & Wolverhampton") was offered "Organisation: Label" and "Service: unit", and the pasted hint stopped with
    "no name in column 'Organisation'" on 16 rows: a unit's name joined to no body's names no row. Not a column of
    the rows' kinds ("Section": Scouts, Cubs: ``_kinds_of_bodies``)."""
    bodies = columns.get(named) or []
    if not bodies or all(_has_letters(v) for v in bodies):
        return None
    for column, values in columns.items():
        if column != named and _unit_header(column.lower()) and all(_has_letters(v) for v in values) \
                and not _kinds_of_bodies(values, [str(v or "") for v in bodies]):
            return column
    return None


def _name_part_columns(cells: list[str]) -> list[str]:
    """The columns that hold the parts of one person's name ("First Name", "Last Name", "Title"): a first and a
    last name's, and the other parts with their prefix (``_NAME_PART``, as ``_name_parts`` joins them once mapped to
    person); none when no first and last name are there ("Job Title" alone is a job's)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for c in cells:
        head = c.lower()
        if (m := _NAME_PART.search(head)):
            role = next((r for w, r in _PART_ROLE.items() if m.group(1).startswith(w)), "first")
            found.setdefault(re.sub(r"[\W_]+", "", head[:m.start()]), []).append((c, role))
    return next(([c for c, _ in parts] for parts in found.values() if {"first", "last"} <= {r for _, r in parts}), [])


#: Fields that several columns may fill, joined in their order with ", ": an address written over "Address 1",
#: "Address 2", "Town" (the 360Giving sheets' street and locality), which the duplicates check reads whole; lists
#: with ";": several columns of people ("Headteacher", "Main contact"), of other names ("DBA", "Formerly"); with
#: "; ", several columns of remarks ("Contact", "Notes": a community trial's two note columns were refused).
JOINED_FIELDS = frozenset({"address", "person", "aliases", "note", "identifiers"})
#: How the cells of one joined field are written together (``JOINED_FIELDS``), ";" for the others.
_JOINED_WITH = {"address": ", ", "note": "; "}
#: A column mapped to person whose name says it holds part of a name is a part: "HeadTitle", "HeadFirstName",
#: "HeadLastName" are one name ("Mrs Helen Bradley"), the parts of each prefix ("Head", "DSL") one person.
_NAME_PART = re.compile(r"(title|initials?|(?:first|fore|given|middle|last|sur|family)[\s_-]*name)\s*$")
_PART_ROLE = {"title": "title", "initial": "first", "initials": "first", "first": "first", "fore": "first",
              "given": "first", "middle": "middle", "last": "last", "sur": "last", "family": "last"}
PERSON_PART = "person part:"  # + prefix + ":" + role, as a column's field (``_name_parts``)


def _name_parts(row, cols: list) -> None:
    """Mark the columns mapped to person that hold parts of names ("HeadFirstName": ``person part:head:first``):
    a part is known by its name's end, its prefix says whose; a "<prefix> name" column beside a "<prefix>
    surname" one is the first name ("Contact name" / "Contact surname")."""
    found = {}
    for i, (c, h) in enumerate(zip(cols, row)):
        if c.lower() != PERSON_COLUMN:
            continue
        head = str(h or "").strip().lower()
        if (m := _NAME_PART.search(head)):
            word = m.group(1)
            role = next((r for w, r in _PART_ROLE.items() if word.startswith(w)), "first")
            found[i] = (re.sub(r"[\W_]+", "", head[:m.start()]), role)
    lasts = {prefix for prefix, role in found.values() if role == "last"}
    for i, (c, h) in enumerate(zip(cols, row)):
        head = str(h or "").strip().lower()
        if c.lower() == PERSON_COLUMN and i not in found and (m := re.fullmatch(r"(.*?)[\s_-]*name", head)) \
                and re.sub(r"[\W_]+", "", m.group(1)) in lasts:
            found[i] = (re.sub(r"[\W_]+", "", m.group(1)), "first")
    for i, (prefix, role) in found.items():
        cols[i] = f"{PERSON_PART}{prefix}:{role}"


def _said_once(reader: _Reader, store: dict, key) -> list:
    """The list a problem said once per ``key`` (a sheet, a column) gathers its cells in: its place in
    ``reader.problems`` first, kept where the first cell was read and written when every row is, then the cells."""
    seen = store.get(key)
    if seen is None:
        seen = store[key] = [len(reader.problems)]
        reader.problems.append("")
    return seen


def _rows_at(sheet: str, first, count: int) -> str:
    """Where a problem found on ``count`` rows is: "list.csv:7", or "list.csv:7 (and 2 more rows)"."""
    return f"{sheet}:{first}" + (f" (and {count - 1} more row{'s' if count > 2 else ''})" if count > 1 else "")


def _rows_and_texts(cells) -> tuple[list, list]:
    """(the rows, sorted; the texts, each once in the order read) of (row, text) cells a warning names."""
    return sorted({n for n, _ in cells}), list(dict.fromkeys(t for _, t in cells))


def _rows_said(rows) -> str:
    """"row 7" or "rows 7, 9": the rows a warning names."""
    return f"row{'s' if len(rows) > 1 else ''} {', '.join(map(str, rows))}"


def _first_at(sheet: str, where: tuple[str, int]) -> str:
    """Where an element was first read, as a problem on ``sheet`` says it: "row 7", or "Elements:7" on
    another sheet of the workbook."""
    return f"row {where[1]}" if where[0] == sheet else f"{where[0]}:{where[1]}"


#: Columns whose cells are read as written, a placeholder too: what names or places the row (a Label "N/A" is a
#: problem at its row), and people (``_no_one`` passes over a placeholder there, with more words).
_AS_WRITTEN = frozenset({"id", "label", "type", "from", "to", PERSON_COLUMN})


def _address_parts(text) -> list[str]:
    """An address's comma-separated parts, each with case and spacing aside ("Tettenhall  Rd" is "tettenhall rd")."""
    return [" ".join(p.split()).casefold() for p in str(text).split(",")]


def _ends_with_part(address, part) -> bool:
    """True when the address read so far already ends with ``part`` (case and spacing aside): an address cell
    that ends with its town, beside a town or local authority column also mapped to address, is not to say the
    town twice (a trial's "St Judes Church Hall, Tettenhall Rd, Wolverhampton, Wolverhampton"). Whole parts
    are compared, so "Penn Road, Penn" is not "Road, Penn" said again."""
    if address in (None, "") or part in (None, ""):
        return False
    have, add = _address_parts(address), _address_parts(part)
    return len(add) <= len(have) and have[-len(add):] == add


#: An address column's heading naming its country ("Country", "Home country", "Nation"), its county or region
#: ("County", "Region", "State", "Province") or its town ("Town/City", "Member city", "Locality"): the parts an
#: address ends with, in the reverse order (``_address_ranks``).
_COUNTRY_HEADER = re.compile(r"\b(?:country|countries|nation)\b")
_REGION_HEADER = re.compile(r"\b(?:county|region|state|province)\b|\bprov\.?$")  # ("Prov.": a Hamilton hold-out's)
_TOWN_HEADER = re.compile(r"\b(?:town|city|locality|village)\b")


def _names_a_country(text) -> bool:
    """Whether a cell names a country whole ("UK", "United Kingdom", "Republic of Korea": ``places.country_named``)."""
    from ..dedup.places import country_named

    folded = unicodedata.normalize("NFKD", str(text).lower()).encode("ascii", "ignore").decode()
    return country_named(" ".join(re.findall(r"[a-z]+", folded))) is not None


def _address_ranks(cols: list, header, rows) -> dict[int, int]:
    """The address columns whose parts go last, whatever the columns' order: 3 for a country's (its heading names
    a country, or every cell written is a country's name), 2 for a county's or region's, 1 for a town's; the others
    (a street's, "Address 1", "Area") first, in their order. An address is read street -> town -> county -> country,
    by people and by `lcg search` and `lcg duplicates`, which read the town before a country ending it: a research
    register's "Country", "City" columns made "UK, Glasgow"."""
    ranks = {}
    for i, (c, h) in enumerate(zip(cols, header)):
        head = str(h or "").strip().lower()
        if c.lower() != "address" or _venue_header(head):
            continue
        cells = [_cell(r[i]) for r in rows if i < len(r)]
        written = [v for v in cells if not is_blank(v)]
        if _COUNTRY_HEADER.search(head) or (written and all(_names_a_country(v) for v in written)):
            ranks[i] = 3
        elif _REGION_HEADER.search(head):
            ranks[i] = 2
        elif _TOWN_HEADER.search(head):
            ranks[i] = 1
    return ranks


def _row(cols: list, cells, blanked: list[int] | None = None, venues=(), ranks: dict[int, int] | None = None) -> dict:
    """A row's cells by field name; the cells of columns mapped to one of ``JOINED_FIELDS`` joined; a placeholder
    ("N/A", "-", "tbc": ``is_blank``) in an optional column read as empty, its column's place noted in
    ``blanked``. The cells of the address columns at the places ``venues`` (named for a venue: ``_venue_header``)
    are written first, wherever the column is, unless the address starts with the venue's name already: "Lye
    Community Centre, Cross Walks Road, Lye", the building the duplicates check reads a venue in; those at the
    places ``ranks`` holds (a town's, a county's, a country's: ``_address_ranks``) last, in that order: "Glasgow,
    UK"."""
    out: dict = {}
    venue_names: list[str] = []
    ranked: list[tuple[int, int, Any]] = []
    for i, (col, cell) in enumerate(zip(cols, cells)):
        value = _cell(cell)
        if is_blank(value) and col.lower() not in _AS_WRITTEN and not col.startswith(PERSON_PART):
            value = None
            if blanked is not None and col:  # a column left out (``~``) is read by no field: nothing to say of it
                blanked.append(i)
        if i in venues and col.lower() == "address":
            if value not in (None, ""):
                venue_names.append(" ".join(str(value).split()))
            continue
        if ranks and i in ranks and col.lower() == "address":
            ranked.append((ranks[i], i, value))
            continue
        if col.lower() in JOINED_FIELDS:  # "Address" and a column mapped to "address" are one field
            col = col.lower()
            if col == "address" and _ends_with_part(out.get(col), value):
                continue
            if col in out:
                parts = [str(x) for x in (out[col], value) if x not in (None, "")]
                value = _JOINED_WITH.get(col, LIST_SEPARATOR).join(parts) or None
        out[col] = value
    if ranked:
        out.setdefault("address", None)
    for _, _, value in sorted(ranked, key=lambda x: x[:2]):
        if value not in (None, "") and not _ends_with_part(out.get("address"), value):
            out["address"] = ", ".join(str(x) for x in (out.get("address"), value) if x not in (None, ""))
    if venue_names:
        rest = str(out.get("address") or "")
        first = [v for v in venue_names if not f"{norm_name(rest)} ".startswith(f"{norm_name(v)} ")]
        out["address"] = ", ".join([*first, rest] if rest else first) or None
    names = _names_of_parts(out)
    if names:
        out[PERSON_COLUMN] = LIST_SEPARATOR.join(str(x) for x in (out.get(PERSON_COLUMN), *names) if x) or None
    return out


def _names_of_parts(out: dict) -> list[str]:
    """The names a row's name parts make, one per prefix ("Mrs" "Helen" "Bradley": "Mrs Helen Bradley"),
    taking the parts out of ``out``: a title only when it is a person's ("Contact title": "Manager" is a job),
    no part that names no one ("N/A"), and no name of a title alone."""
    keys = [k for k in out if k.startswith(PERSON_PART)]
    if not keys:
        return []
    people: dict[str, dict[str, str]] = {}
    for k in keys:
        value = " ".join(str(out.pop(k) or "").split())
        prefix, role = k[len(PERSON_PART):].rsplit(":", 1)
        if _is_title(value) if role == "title" else not _no_one(value):
            people.setdefault(prefix, {})[role] = value
    return [" ".join(p[r] for r in ("title", "first", "middle", "last") if r in p) for p in people.values()
            if p.keys() - {"title"}]


#: An e-mail address written alone in a cell ("szkola.wolverhampton@gmail.com", "mailto:info@bilston.org").
_EMAIL_CELL = re.compile(r"(?:mailto:)?[^\s@/]+@[^\s@/]+\.[^\s@/]+", re.IGNORECASE)


def _an_email(value) -> bool:
    """Whether a cell of a website column is an e-mail address, which no web site is: a diaspora trial's "Email /
    web" column mapped to website stopped the import ("bad URL 'szkola.wolverhampton@gmail.com'", no fix said).
    Organisations keep no e-mail address here, nor people any contact detail: such a cell is passed over, said."""
    return isinstance(value, str) and _EMAIL_CELL.fullmatch(value.strip()) is not None


_DOMAIN = re.compile(r"[\w-]\.[a-z]{2,}", re.IGNORECASE)


def _a_mail_domain(value) -> bool:
    """Whether a cell of a website column is a mail provider's domain ("gmail.com", "https://www.btinternet.com",
    ``identifiers.MAIL_DOMAINS``): every user's, no body's site (a festival list's "Email domain" column)."""
    if not isinstance(value, str):
        return False
    host, _, path = re.sub(r"^[a-z]+://", "", value.strip().lower()).partition("/")
    return not path.strip("/") and (host[4:] if host.startswith("www.") else host) in MAIL_DOMAINS  # (a page under
    # one is someone's own: "btinternet.com/~bilston.bowls/")


def _a_remark(value) -> bool:
    """Whether a cell of a website column is words with no web address in them ("Drop in, no booking", "Ask at
    the desk"): a remark, kept in the row's note (``_warnings``), not a web site the validator would refuse."""
    return isinstance(value, str) and " " in value.strip() and _DOMAIN.search(value) is None and "://" not in value


def _value(fld, v):
    if fld is not None and fld.type == "amount" and isinstance(v, str):  # a CSV cell is text
        from ..identifiers import amount_value

        number = amount_value(v)
        return v if number is None else number  # not a number: the validator says what is wrong with it
    if fld is not None and fld.type in ("list", "orgid") and isinstance(v, str):
        return list(dict.fromkeys(x.strip() for x in v.split(LIST_SEPARATOR) if x.strip()))  # (two columns joined
        # may give one id twice)
    if fld is not None and fld.type in ("list", "orgid"):
        return [v]
    if fld is not None and fld.type == "url" and isinstance(v, str) and BARE_WEB_ADDRESS.fullmatch(v.strip()):
        return "https://" + v.strip()  # "www.stmarys.org.uk", "wvsc.org.uk": as lists write it, as a browser reads it
    return v


def import_sheet(paths, out_dir, *, mapping=None, name: str | None = None, kind: str | None = None) -> SheetResult:
    """Read elements and connections from ``paths`` and write them as the folder's own ``imports/sheet-<name>/``.

    ``kind`` (else the mapping file's ``type``) is the kind of every element row with no Type.
    """
    paths = [Path(p) for p in paths]
    reader, entries, by_id, by_label, ties, map_kind = _read(paths, out_dir, mapping, name, kind)
    if reader.problems:
        _look_ahead(reader, paths, out_dir, mapping, name, kind)
        reader.finish(map_kind)
        raise SheetProblems(reader.problems, ", ".join(map(str, paths)), reader.fix_all(map_kind),
                            reader.grants_list)
    # a name given as the folder it makes ("sheet-day-ops", as the summary shows it) is that folder, not
    # "sheet-sheet-day-ops" beside it (a SEND trial's second import of one list)
    own = f"imports/sheet-{slug(name or paths[0].stem).removeprefix('sheet-') or 'sheet'}"
    index = FolderIndex(out_dir, own)
    renamed: list[tuple[str, str, str]] = []
    linked = _parents_in_the_folder(reader, index, entries, by_id, ties)
    _initials_of_a_name(reader, index, entries, by_id, ties)
    _people(reader, index, entries, by_id, by_label, ties, renamed)
    held, merged, theirs = _held_elsewhere(index, entries)
    drop = _bare_records(reader, index, entries, by_id, ties, set(held) | set(merged))
    _ids_taken(reader, index, entries, by_id, ties,
               set(held) | set(merged) | {i for ids in drop.values() for i in ids}, renamed)
    held_ids = set(held)
    differs = _held_differences([e for e in entries if e["id"] in held_ids], theirs)
    gone = held_ids | set(merged)
    repeated = _repeats(reader, gone)
    left_out: list[tuple] = []
    theirs_already = 0  # ties of rows left out that the user's entry holds already
    for (owner, key), values in ties.items():
        if owner in gone:  # the user's entry now: the import writes nothing into their file; a tie it holds
            has = _tie_ids(theirs.get(merged.get(owner, owner), {}).get(key))  # already (a merge moved it there)
            for v, row in zip(values, reader.tie_rows[(owner, key)]):
                if merged.get(_tie_id(v), _tie_id(v)) in has:
                    theirs_already += 1
                else:
                    left_out.append(row[:2])
            continue
        by_id[owner][key] = [({**v, "id": merged.get(v["id"], v["id"])} if isinstance(v, dict) else merged.get(v, v))
                             for v in values]
    # a person the person columns named only on rows left out (their organisation is the user's now) is no one's
    still_named = {_tie_id(v) for (owner, key), values in ties.items() if owner not in gone for v in values}
    entries = [e for e in entries
               if e["id"] not in gone and (e["id"] not in reader.made_people or e["id"] in still_named)]
    cited = _cite_files(reader, entries)
    out = {k: [e for e in entries if e["_kind"] == k] for k in schema.NODE_KINDS}
    for es in out.values():
        for e in es:
            del e["_kind"]
    written_ties = sum(len(v) for v in ties.values()) - len(left_out) - theirs_already
    result = SheetResult(nodes=len(entries), relationships=written_ties,
                         held=held, merged=merged, ties_left_out=sorted(left_out), differs=differs,
                         renamed=renamed, linked=linked)
    result.added = {k: sum(1 for e in es if e["id"] not in index.own_ids) for k, es in out.items() if es}
    # of the entries the last run wrote too, those it wrote otherwise: a trial's re-import said "added 0
    # organisations" when 67 had been updated, and nothing of what had not changed
    for k, es in out.items():
        again = [e for e in es if e["id"] in index.own_entries]
        changed = sum(not _same_entry(e, index.own_entries[e["id"]][1]) for e in again)
        if changed:
            result.updated[k] = changed
        if len(again) - changed:
            result.unchanged[k] = len(again) - changed
    result.folder = index.root / own
    result.written = write_import(index, out, command=f"lcg import sheet {paths[0].name}", origin=reader.origin,
                                  source=cited, drop=drop)
    result.kept = index.kept_for_others
    # entries of the previous run this one no longer writes (their rows deleted from the sheet): a trial's
    # re-import said "added 0 organisations" when it had removed one; rows the user's files hold now are said apart
    still = {e["id"] for es in out.values() for e in es} | set(index.kept_for_others) | gone
    removed = Counter(kind for node_id, (kind, _) in index.own_entries.items() if node_id not in still)
    result.removed = {k: removed[k] for k in schema.NODE_KINDS if removed[k]}
    result.repeated = repeated
    result.venue_columns = reader.venue_columns
    result.warnings = _warnings(reader)
    result.units = [(sheet, n, name) for sheet, n, name in reader.units]
    result.unit_column = next((reader.headers[s].get(UNIT_COLUMN) for s, _, _ in reader.units), None)
    result.units_of_rows = reader.units_of_rows
    return result


def _same_entry(new: dict, old: dict) -> bool:
    """Whether an entry this run writes is the one the last run wrote, read back from its file: its fields as the
    data files hold them (text, lists), whatever order they come in."""
    def plain(entry: dict) -> str:
        return json.dumps({k: v for k, v in entry.items() if not k.startswith("_")}, sort_keys=True, default=str)

    return plain(new) == plain(old)


def _cite_files(reader: _Reader, entries: list[dict]) -> list:
    """Give each entry read from a sheet with no sources column its file's name as its ``sources`` (as the
    360Giving import cites its file), and return the files cited as ``Source`` entries, for the folder's
    ``sources.yaml``. A trial's records all showed "sources: (none)": a user could not tell "aston-university"
    from "aston-university-2" nor find the list a record came from. A sheet with a sources column (the Elements
    sheet `lcg export --format xlsx` writes) says its rows' sources itself, an empty cell too. The row is not
    kept: a ``sources`` value is a key of ``sources.yaml``, one entry per document, not per row."""
    import datetime as dt

    from ..sources import Source

    files: dict[str, Path] = {}
    names = _file_names(list(dict.fromkeys(reader.files.values())))
    for e in entries:
        sheet = reader.rows.get(e["id"], (None,))[0]
        path = reader.files.get(sheet) if sheet is not None else None
        if path is None or sheet is None or "sources" in reader.headers.get(sheet, {}) or e.get("sources"):
            continue
        e["sources"] = [names[path]]
        files[names[path]] = path
    return [Source(key=name, title=f"Spreadsheet {name}", kind="spreadsheet", file=path.name,
                   date=dt.date.fromtimestamp(path.stat().st_mtime).isoformat()) for name, path in files.items()]


def _repeats(reader: _Reader, gone: set[str]) -> list[tuple[str, int, str, str, str, str, bool]]:
    """The rows of a plain list written that repeat the name (compared loosely: ``norm_name``) of an earlier row
    written, each with the id it was written under (after every renaming), the earlier row's, and whether the two
    are at different places (``yaml_out.elsewhere``): what the note says. A trial's note counted the rows it saw before
    knowing which were written and what ids they got ("1 row", no "-2" id: "The Accord Group" repeats "Accord
    Group" as the-accord-group), and named none; a refugee trial's said `lcg duplicates` paired its 15 repeats,
    where a provider's classes at 13 venues are sites of one body, which it pairs only for review."""
    firsts: dict[tuple[str, str], tuple[tuple[str, int], dict]] = {}
    out = []
    for entry, sheet, n in reader.plain:
        key = (entry["_kind"], norm_name(entry["name"]))
        if entry["id"] in gone or not key[1]:  # ("!!!" names nothing to repeat)
            continue
        if key in firsts:
            where, first = firsts[key]
            out.append((sheet, n, entry["name"], entry["id"], _first_at(sheet, where), first["id"],
                        elsewhere(entry, first)))
        else:
            firsts[key] = ((sheet, n), entry)
    return out


def _look_ahead(reader: _Reader, paths: list[Path], out_dir, mapping, name: str | None, kind: str | None) -> None:
    """Where a sheet's rows were not read (no Label column), read them again with its columns mapped as the hints
    map them (``_Reader.ahead``), and add what else is wrong with them: one run says every problem, and the
    command its hints give fixes them all (a trial's lists took three runs: the Label's hint, then the columns',
    then the import)."""
    ahead = dict(reader.ahead)
    for _ in range(3):  # a read with the Label mapped can find more to map (its Type cells are categories)
        if not ahead:
            return
        try:
            trial = _read(paths, out_dir, mapping, name, kind or reader.kind_needed, ahead)[0]
        except LcgError:
            return
        for p in trial.problems:
            if p in reader.problems or "missing column" in p:
                continue
            said = [i for i, q in enumerate(reader.problems) if _what(q) == _what(p)]
            if said:  # a column's problem on the rows read before, said again on more: once, with all its rows
                reader.problems[said[0]] = p
            else:
                reader.problems.append(p)
        reader.suggested += [s for s in trial.suggested if s not in reader.suggested]
        reader.column_fixes += [f for f in trial.column_fixes if f not in reader.column_fixes]
        if trial.ahead.items() <= ahead.items():
            return
        ahead.update(trial.ahead)  # read again with it too: the columns' problems come only after the rows'
        reader.ahead.update(trial.ahead)
        reader.kind_needed = reader.kind_needed or trial.kind_needed


def _what(problem: str) -> str:
    """A problem's text without where it is ("list.csv:4 (and 9 more rows): "): what is said of it."""
    return re.sub(r"^.*?:\d+(?: \(and \d+ more rows?\))?: ", "", problem, count=1)


def _read(paths: list[Path], out_dir, mapping, name: str | None, kind: str | None,
          ahead: dict[str, str] | None = None) -> tuple[_Reader, list, dict, dict, dict, str | None]:
    """The sheets' elements and connections as entries, with the reader holding every problem found; ``ahead``
    maps columns as the hints would (``_look_ahead``), on top of the mapping file."""
    column_map, type_map, map_kind, given = _mapping(mapping)
    column_map = {**column_map, **{c.lower(): f for c, f in (ahead or {}).items()}}
    reader = _Reader(column_map, type_map, kind or map_kind)
    reader.map_file = None if mapping is None else str(mapping)
    reader.given = given
    reader.rerun = lambda map_file, needed=None: shlex.join(
        ["lcg", "import", "sheet", *map(str, paths), *(["--type", kind or needed] if kind or needed else []),
         *(["--name", name] if name else []), *(["--map", map_file] if map_file else []), "-o", str(out_dir)])
    headers: dict[str, str] = {}  # every sheet's column names (lower case) -> as written
    if reader.default_kind is not None:
        text = reader.type_map.get(reader.default_kind.lower(), reader.default_kind)
        if text.lower() not in reader.kinds:
            raise UnreadableInput(f"unknown kind {reader.default_kind!r} for rows with no Type (expected one of "
                                  f"{', '.join(schema.NODE_KINDS)}{_closest(text, reader.kinds)})")
    elements: list[tuple] = []
    connections: list[tuple] = []
    known = {*ELEMENT_COLUMNS, *CONNECTION_COLUMNS, *TIE_DATE_COLUMNS, *FIELD_SYNONYMS, *column_map, PERSON_COLUMN,
             UNIT_COLUMN,
             *REGISTER_COLUMNS,
             *(f.name for k in schema.NODE_KINDS.values() for f in k.fields)}  # what a header row names
    tables = {path: read_tables(path, reader.file_warnings) for path in paths}
    labels = _sheet_labels([(path, sheet) for path, found in tables.items() for sheet in found])
    for path in paths:
        for sheet, rows in tables[path].items():
            # Rows keep the number the sheet shows them at (a blank row above shifts none of them).
            numbered = [(n, r) for n, r in enumerate(rows or (), start=1) if any(c not in (None, "") for c in r)]
            numbered = numbered[_title_rows(numbered, known):]
            if numbered:
                reader.grants_list = _not_grants(path, numbered[0][1], out_dir) or reader.grants_list
            label = labels[path, sheet]
            reader.files[label] = path
            footers = 0
            while len(numbered) - footers > 2 and _footer(numbered[0][1], numbered[-1 - footers][1]):
                footers += 1
            for n, r in numbered[len(numbered) - footers:]:
                reader.footers.append((label, n, _footer_text(r), _footer_said(r)))
            numbered = numbered[:len(numbered) - footers]
            if numbered:
                head = [str(reader.column_map.get(str(c or "").strip().lower(), c or "")).strip().lower()
                        for c in numbered[0][1]]
                numbered = numbered[:1] + _inner_notes(reader, label, numbered[0][1], head,
                                                       _totals(reader, label, numbered[1:]))
            rows = [r for _, r in numbered]
            if not rows:
                continue
            for c in rows[0]:
                headers.setdefault(str(c or "").strip().lower(), str(c or "").strip())
            head = [str(reader.column_map.get(str(c or "").strip().lower(), c or "")).strip().lower() for c in rows[0]]
            line = numbered[0][0]
            if "from" in head or "to" in head or sheet.lower().startswith("connection"):
                cols = reader.header(label, rows[0], CONNECTION_COLUMNS, ("from", "to", "type"), line)
                target = connections
            else:
                cols = reader.header(label, rows[0], ELEMENT_COLUMNS,
                                     ("label",) if reader.default_kind else ("label", "type"), line, rows[1:])
                target = elements
            if cols is not None:
                if target is elements:
                    reader.sheet_rows[label] = (rows[0], rows[1:])
                venues = {i for i, (c, h) in enumerate(zip(cols, rows[0]))
                          if c.lower() == "address" and _venue_header(str(h or "").strip().lower())}
                reader.venue_columns += [str(rows[0][i]).strip() for i in sorted(venues)
                                         if str(rows[0][i]).strip() not in reader.venue_columns]
                ranks = _address_ranks(cols, rows[0], rows[1:])
                for n, r in numbered[1:]:
                    blanked: list[int] = []
                    target.append((label, n, _row(cols, r, blanked, venues, ranks)))
                    for i in blanked:
                        reader.blanks.setdefault((label, str(rows[0][i]).strip()), []).append((n, str(r[i]).strip()))
                named = [i for i, c in enumerate(rows[0]) if c not in (None, "") and str(c).strip()]
                width = 1 + named[-1] if named else len(rows[0])  # a workbook pads its rows with empty cells
                _cells_past_the_header(reader, label, width, numbered[1:], path.suffix.lower() == ".csv")
                _cells_under_no_header(reader, label, rows[0][:width], numbered[1:])
            elif target is elements and "type" in head and not reader.default_kind and label in reader.headers:
                # no Label column yet: its Type cells are still read, so that one run says what is wrong with
                # them too (a column of one's own categories) and one mapping file fixes both
                at = head.index("type")
                for n, r in numbered[1:]:
                    if at < len(r) and r[at] not in (None, "") and str(r[at]).strip():
                        reader.kind(label, n, str(r[at]).strip())
    # a misspelt column would be read as if the file had no line; one left out (``Fax: ~``) may be a shared map's
    # spare line for sheets that have it (misspelt, the column it meant is still said to be unknown)
    for key in sorted(k for k in column_map.keys() - headers.keys() if column_map[k]):
        names = [h for h in headers.values() if h]
        close = difflib.get_close_matches(key, [h.lower() for h in names], n=1, cutoff=0.7)
        reader.problems.append(f"{mapping}: column {given[key]!r} under columns: is in none of the sheets (columns: "
                               f"{', '.join(names)}{f'; did you mean {headers[close[0]]!r}?' if close else ''})")
    if not elements and not connections and not reader.problems:
        raise UnreadableInput(f"no elements or connections found in {', '.join(map(str, paths))} (expected an Elements "
                       "sheet with Label and Type columns and a Connections sheet with From, To and Type)")
    reader.connections = bool(connections)
    entries, by_id, by_label = _elements(reader, elements)
    _northern_irish_numbers(reader)
    ties = _connections(reader, connections, by_id, by_label, _tie_cells(reader, entries, by_id, by_label))
    return reader, entries, by_id, by_label, ties, map_kind


#: A provider cell saying who runs the row before the body's name, its name written with a capital ("Run by Walsall
#: Council", a review's, made an organisation named so; "Run by the council" names no body, ``_one_common_word``).
_RUN_BY = re.compile(r"(?i:run|managed|operated|owned|hosted)\s+(?i:by)\s+(?:(?i:the)\s+)?(?=[A-Z][\w'’&.-]*\s+\S)")


#: A name and its initials in brackets after it: "Community College of Allegheny County (CCAC)".
_OWN_INITIALS = re.compile(r"(?P<name>.*\S)\s*\((?P<initials>[A-Z][A-Z.&]{1,9})\)\s*")


def _tie_cells(reader: _Reader, entries: list, by_id: dict, by_label: dict) -> dict:
    """The ties the columns mapped to a tie's key give (``reader.tie_cells``): a directory's "Provider
    Organisation" column, mapped to ``part_of``, ties each group to the body that runs it, which keeps the two
    apart in `lcg duplicates` (a trial's column had been left out, and nothing tied a service to its provider).

    Each name in a cell (several split by ";") is an element of the sheets by ID, else by Label, of a kind
    the tie may end at; a name no row has becomes an element of its own, by that name alone, of the row's kind
    when the tie may end there (the provider of an organisation is an organisation), else of the one kind it
    may end at (a Place for ``located_in``); one element per name, however many rows name it."""
    from ..dedup.names import acronyms, name_key, one_name_twice

    ties: dict = {}
    made: dict[tuple[str, str], str] = {}
    cells: dict[tuple[str, str], list] = {}
    for sheet, _, _, _, key, cell in reader.tie_cells:
        cells.setdefault((sheet, key), []).extend(str(cell).split(LIST_SEPARATOR))
    no_bodies = {at: _no_bodies(values) for at, values in cells.items()}
    # a cell naming its own row's body gives that row another name, by which another row's cell names it: "Walsall
    # Rainbow Hub CIC", its own row's provider and another's (an LGBTQ+ hold-out's was written again as a record of its
    # own for the other row); not a name no row has that several rows give themselves ("Holy Trinity Church Trustees"
    # of two churches in two towns: which is not guessed, a review's find)
    own_names: dict[str, set[str]] = {}
    for entry in entries:  # and the other names an aliases column or a name's bracket gives ("Cork ETB" of "Cork
        for alias in entry.get("aliases", ()):  # Education and Training Board", named so by an Irish hold-out's
            own_names.setdefault(norm_name(alias), set()).add(entry["id"])  # parent cells, written again)
        # and each language's of a name written in two ("Swansea Council / Cyngor Abertawe", its libraries' parent
        # cells' "Swansea Council" written again as a bare record in a Swansea hold-out: ``names.one_name_twice``)
        if " / " in entry.get("name", "") and one_name_twice(entry["name"]):
            for part in entry["name"].split(" / "):
                own_names.setdefault(norm_name(part), set()).add(entry["id"])
        # and the name without its own initials in brackets ("Community College of Allegheny County (CCAC)", its
        # campuses' parent cell "Community College of Allegheny County" made a second record in a Pittsburgh
        # hold-out)
        if (bracket := _OWN_INITIALS.fullmatch(entry.get("name", ""))) is not None and bracket["initials"].replace(
                ".", "").lower() in acronyms(name_key(bracket["name"])):
            own_names.setdefault(norm_name(bracket["name"]), set()).add(entry["id"])
    for _, _, node_id, _, _, cell in reader.tie_cells:
        for ref in (" ".join(part.split()) for part in str(cell).split(LIST_SEPARATOR)):
            if ref and _runs_itself(ref, by_id[node_id]["name"], by_id[node_id].get("address")):
                own_names.setdefault(norm_name(ref), set()).add(node_id)
    for name, rows in own_names.items():
        if len(rows) == 1 and name not in by_label:
            by_label[name] = list(rows)
    for sheet, n, node_id, kind, key, cell in reader.tie_cells:
        ends = schema.REL_KINDS[schema.slots_of(kind)[key].rel].ends
        column = reader.headers[sheet].get(key, key)
        for ref in (" ".join(part.split()) for part in str(cell).split(LIST_SEPARATOR)):
            said = named = ref
            also: list[str] = []  # the other names a bracket gives (``_bracket_names``)
            org_id = None  # the register number a bracket gives (``_number_after_name``)
            if (numbered := _number_after_name(ref)) is not None:  # "X Trust (reg charity 521234)": X's number
                ref, org_id = numbered
                reader.repairs.setdefault((sheet, column), []).append(
                    (n, said, f"{ref!r}, its number {org_id} in its identifiers"))
                said = named = ref  # the cell as read on: the name, without its number
            if (run_by := _RUN_BY.match(ref)) is not None:  # "Run by Walsall Council": Walsall Council, the
                ref = said = named = ref[run_by.end():]  # words the column's name says already
            if (split := _bracket_names(ref)) is not None:  # "Midland Heart (formerly Prime Focus)": name, alias
                ref, also, _ = split  # a merger's note is the named body's, not the row's
                reader.repairs.setdefault((sheet, column), []).append(
                    (n, said, _names_read(ref, also, None, _renamed_now(said))))
            elif (named := _without_note(ref)) != ref:  # "AEG Presents (lease from CWC)": the body, and a note
                ref = named
                _note_cell(reader, by_id[node_id], column, said)
            if not ref or is_blank(ref):
                continue
            if _runs_itself(ref, by_id[node_id]["name"], by_id[node_id].get("address")):
                # "One Walsall (formerly ...)" beside "One Walsall", "Allcare Stourbridge Ltd" running "Allcare
                # Stourbridge": its own body, the same organisation, whose other names are its aliases; said once
                _add_aliases(by_id[node_id], [ref, *also])
                _add_identifier(by_id[node_id], org_id)
                reader.own_bodies.setdefault((sheet, column), []).append((n, said))
                continue
            if named != said and split is None:  # the note read off another body's name: said
                reader.repairs.setdefault((sheet, column), []).append(
                    (n, said, f"{ref!r} (its note kept in the row's note)"))
            matches = [ref] if ref in by_id and by_id[ref]["_kind"] in ends else \
                [i for i in by_label.get(norm_name(ref), []) if by_id[i]["_kind"] in ends]
            if len(matches) > 1 and len(exact := [i for i in matches
                                                  if written_name(by_id[i]["name"]) == written_name(ref)]) == 1:
                matches = exact  # "Dudley Academies Trust" beside "The Dudley Academies Trust": the one written so
            if len(matches) == 1 and matches[0] != ref and written_name(by_id[matches[0]]["name"]) != written_name(ref):
                target = matches[0]  # "Black Country Womens Aid": said, as the row or the other cell it is (a
                # trial's "The Stroke Association" was said to be "the row" 'Stroke Association', another cell)
                other_name = by_id[target]["name"]
                what = (f", the body this column's cell {other_name!r} names (row {reader.rows[target][1]}), the same "
                        "name" if target in reader.made_parents else f" ({other_name!r}), the row of that name")
                reader.repairs.setdefault((sheet, column), []).append(
                    (n, ref, f"{target} ({other_name!r}), the row that has it as its other name"
                     if norm_name(other_name) != norm_name(ref) else
                     f"{target}{what} once case, apostrophes, punctuation and a leading 'The' are set aside"))
            if not matches and (ref in no_bodies[(sheet, key)] or _one_common_word(ref)):  # "school", "volunteers":
                # kept in the note, said (``_warnings``)
                said_at = reader.no_bodies if ref in no_bodies[(sheet, key)] else reader.common_words
                said_at.setdefault((sheet, column), []).append((n, ref))
                _note_cell(reader, by_id[node_id], column, ref)
                continue
            if len(matches) > 1 and reader.default_kind and all(i in reader.made_ids for i in matches):
                # a plain list's rows of one name are records of it, their ids the import's own (no ID to write):
                # the first, the one the others repeat, is the body named; said (a trial's paste stopped here)
                reader.repairs.setdefault((sheet, column), []).append(
                    (n, ref, f"{matches[0]}, the first of the {len(matches)} rows of that name ({', '.join(matches)})"))
                matches = matches[:1]
            if len(matches) > 1:
                reader.problems.append(f"{sheet}:{n}: column {column!r} names {ref!r}, which {len(matches)} rows are "
                                       f"({', '.join(matches)}) (expected one: write its ID)")
                continue
            other = matches[0] if matches else next(
                (made[(k, norm_name(ref))] for k in ends if (k, norm_name(ref)) in made), None)
            if other is None:
                end = kind if kind in ends else ends[0] if len(ends) == 1 else None
                if end is None:
                    reader.problems.append(f"{sheet}:{n}: column {column!r} names {ref!r}, which is no element of "
                                           f"the sheets (expected the ID or Label of "
                                           f"{' or '.join(schema.a_kind(k) for k in ends)})")
                    continue
                other = made[(end, norm_name(ref))] = _free_id(slug(ref) or f"{end.lower()}-row-{n}", by_id)
                by_id[other] = {"id": other, "name": ref, "_kind": end}
                by_label.setdefault(norm_name(ref), []).append(other)
                entries.append(by_id[other])
                reader.made_ids.add(other)
                reader.rows[other] = (sheet, n, {"name": column, "id": column})
                reader.made_parents[other] = (sheet, column)
            _add_aliases(by_id[other], also)
            _add_identifier(by_id[other], org_id)
            if other != node_id and other not in _tie_ids(ties.get((node_id, key))):
                ties.setdefault((node_id, key), []).append(other)
                reader.tie_rows.setdefault((node_id, key), []).append((sheet, n, {}))
    return ties


def _add_to_note(entry: dict, sentence: str) -> None:
    """``sentence`` after what the record's note says, a full stop between: "Tue. Provider: Scouts." (a uniformed
    youth hold-out's days ran into a passed-over provider cell, "Tue Provider: Scouts.")."""
    note = str(entry.get("note") or "").strip()
    entry["note"] = f"{note}{'' if not note or note[-1] in '.!?;:' else '.'} {sentence}".strip()


def _note_cell(reader: _Reader, entry: dict, column: str, text: str) -> None:
    """A tie column's cell kept in the row's note as "Operated by: text.", what a reader of the record sees."""
    _add_to_note(entry, f"{column}: {text}.")
    reader.rows[entry["id"]][2].setdefault("note", column)


#: A note after a body's name in a provider cell: a bracket at its end written in small letters, "(lease from
#: CWC)", "(charity)", or "(Charity)", or a tail after a spaced dash in small letters, "- charity".
_NOTE_BRACKET = re.compile(r"(?P<name>.*\S)\s*\((?P<note>\s*(?:[a-z][^()]*|charity|registered charity)\s*)\)\s*",
                           re.IGNORECASE)
_NOTE_TAIL = re.compile(r"(?P<name>.*\S)\s+[-\u2013\u2014]\s+(?P<note>[^A-Z\-\u2013\u2014]*[a-z][^A-Z\-\u2013\u2014]*)")


def _without_note(ref: str) -> str:
    """A provider cell's body without the notes after its name ("AEG Presents (lease from CWC)", "Light House
    (charity)", "Grand Theatre (Wolverhampton) Ltd - charity"), which say how it runs the row, not who it is: an
    arts trial's venues list made organisations named so, brackets included. A bracket starting with a capital
    is a part of the name, a place or initials ("Grand Theatre (Wolverhampton)", "(NAGW)"), and stays."""
    while True:
        bracket = _NOTE_BRACKET.fullmatch(ref)
        if bracket is not None and (bracket.group("note").strip()[:1].islower()
                                    or bracket.group("note").strip().casefold() in ("charity", "registered charity")):
            ref = bracket.group("name").strip()
        elif (tail := _NOTE_TAIL.fullmatch(ref)) is not None and tail.group("note") == tail.group("note").lower():
            ref = tail.group("name").strip()
        else:
            return ref


#: The words a body running a venue or a service adds to the row's name to name itself, its legal person: "Trust",
#: "charity" ("Smethwick Heritage Centre Trust" runs "Smethwick Heritage Centre"); legal forms are ``name_key``'s.
#: Words a body's own governing body adds to its name: the trust set up to run a venue, and a hall's or centre's
#: committee or trustees ("Lye Community Centre Management Committee", "Hasbury Village Hall Committee": a review's
#: and a community trial's, each made a parent of its own row).
_OWN_BODY_WORDS = frozenset({"trust", "charity", "charitable", "committee", "trustees"})


def _runs_itself(ref: str, name: str, address=None) -> bool:
    """Whether a provider cell names the row's own body: the row's name (``_names_itself``), or with only "Trust",
    "charity", "(Management) Committee", "Trustees" or the town of the row's address added (legal forms aside): the
    trust set up to run a venue, the same organisation for a partnership ("Grand Theatre (Wolverhampton) Ltd" running
    the Grand Theatre of Wolverhampton, "The New Art Gallery Walsall" the New Art Gallery of Walsall). Made a
    separate parent, `lcg duplicates`, which never offers a unit as its parent's duplicate, could never offer it
    beside another list's row of the body (an arts trial's "Smethwick Heritage Centre Trust"). Another body's name
    ("Walsall Council" running "Walsall Arts Centre") is no such name."""
    from ..dedup.names import name_key

    if _names_itself(ref, name):
        return True
    mine, theirs = name_key(name).tokens, name_key(ref).tokens
    town = set(re.findall(r"[^\W\d_]+", str(address or "").casefold()))
    added = theirs[len(mine):]
    own = _OWN_BODY_WORDS | ({"management"} if "committee" in added else set())  # ("Penn Hall Management Ltd" is a
    return bool(mine) and theirs[:len(mine)] == mine and all(t in own or t in town for t in added)  # company)


def _number_after_name(ref: str) -> tuple[str, str] | None:
    """(the body's name, its org-id) of a provider cell naming a body and, in a bracket after the name, its register
    number with the register's word ("Pelsall Village Hall Trust (reg charity 521234)", "(Company 04411223)",
    "(CIO 1187345)": ``org_ids.said_org_id``), or None: the number is the named body's, not a note on the row (a
    community trial's went into the hall's note, and the trust's record had no number to be paired by)."""
    from .org_ids import said_org_id

    m = _NAME_BRACKET.fullmatch(ref)
    said = said_org_id(m.group("said")) if m is not None else None
    return (m.group("name").strip(), said[1]) if m is not None and said is not None and said[1] else None


def _add_identifier(entry: dict, org_id: str | None) -> None:
    """``org_id`` added to an entry's identifiers, when its kind has them and it has not that one."""
    if org_id and "identifiers" in {f.name for f in schema.NODE_KINDS[entry["_kind"]].fields} \
            and org_id not in entry.setdefault("identifiers", []):
        entry["identifiers"].append(org_id)


def _add_aliases(entry: dict, names: list[str]) -> None:
    """``names`` added to an entry's aliases, but its own name and those it has (``_tie_cells``' brackets)."""
    if "aliases" in {f.name for f in schema.NODE_KINDS[entry["_kind"]].fields}:
        for alias in names:
            if norm_name(alias) != norm_name(entry["name"]) and alias not in entry.get("aliases", []):
                entry.setdefault("aliases", []).append(alias)


def _no_bodies(values) -> set[str]:
    """The cells of a column naming who runs each row ("Operator", "Run by") that name no body: written in small
    letters only and repeated on two rows or more ("school" on five rows, "club run" on two). A body's name is
    written with capitals, and a word the list repeats without one is a kind of body or a note on how the row is run:
    a sports trial's "Operator" made organisations named "school" and "club run", the parent of seven venues. A script
    with no capitals says nothing so (a Suwon hold-out's "수원시", the city, on fifteen rows was passed over)."""
    texts = Counter(" ".join(str(v).split()) for v in values if _has_letters(str(v)))
    return {t for t, k in texts.items() if k > 1 and t == t.lower() and t != t.upper()}


#: Words a provider column writes alone for who runs a row instead of a body's name ("volunteers", "self",
#: "independent"); the words of a kind of body ("council", "school", "church") are ``_body_word``'s.
_RUN_WORDS = frozenset("volunteers volunteer voluntary self independent private members staff none various".split())


#: The words a provider cell says "run by" in around the body's word ("Council run", "Council-run", "Run by the
#: council", "Managed by volunteers"), and a local authority's short forms ("LA run", "Local authority managed").
_RUN_BY_WORDS = frozenset("run runs managed manages operated operates owned led maintained by the a".split())
_AUTHORITY = frozenset({"la", "lea", "local authority"})


def _one_common_word(ref: str) -> bool:
    """Whether a provider cell is one common word, which names no one body: a kind of body ("council", "school",
    "Church": ``_body_word``), a local authority's short form ("LA") or who runs the row instead of a body
    (``_RUN_WORDS``), whatever its case and however many rows write it, alone or with words saying it runs the row
    (``_RUN_BY_WORDS``: "Council run", "Run by the council", "LA run", "LA maintained", an early years hold-out's
    nursery school's, made an organisation). A libraries trial's single "volunteers" in "Managed by" became an
    organisation of that name, the parent of a heritage centre, and a community trial's "Council run" the
    organisation council-run (in one council's list too: which council is not guessed); a body's name of one word is
    its own word ("Mencap", "Accord"), or initials."""
    if not re.fullmatch(r"[^\W\d_]+(?:[\s-]+[^\W\d_]+)*", ref.strip()):
        return False
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", ref)]
    rest = [w for w in words if w not in _RUN_BY_WORDS] if len(words) > 1 else words
    said = " ".join(rest)
    return said in _AUTHORITY and len(words) > len(rest) or len(rest) == 1 and (
        said in _RUN_WORDS or _body_word(said))


def _names_itself(ref: str, name: str) -> bool:
    """Whether a provider cell names the row's own body: its name once legal forms and case are ignored (an Ofsted
    list's nursery "Little Acorns Day Nursery" run by "Little Acorns Day Nursery Ltd", its registered person: a
    trial's row was made part of its own twin, which `lcg duplicates` then never offered), or once its spaces are
    ignored too ("Foster Wise" run by "Fosterwise Ltd", a fostering hold-out's)."""
    from ..dedup.names import name_key

    mine, theirs = name_key(name), name_key(ref)
    return bool(mine.tokens) and (theirs.tokens == mine.tokens or theirs.joined == mine.joined)


def _sheet_labels(found: list[tuple[Path, str]]) -> dict[tuple[Path, str], str]:
    """How each (file, sheet) of an import is named in its problems and warnings and looked up (``_Reader.files``):
    the sheet's name (a CSV's, its file's name), and where two files have a sheet of that name, the sheet's with its
    file's ("Elements (b.xlsx)"; a CSV, its folder's too: "north/list.csv"). A reviewer's `lcg import sheet a.xlsx
    b.xlsx`, both sheets named "Elements", cited b.xlsx as the source of every entry of both."""
    def plain(path: Path, sheet: str) -> str:
        return path.name if path.suffix.lower() == ".csv" else sheet

    named = Counter(plain(p, s) for p, s in found)
    files = _file_names(list(dict.fromkeys(p for p, _ in found)))
    return {(p, s): plain(p, s) if named[plain(p, s)] < 2 else files[p] if p.suffix.lower() == ".csv"
            else f"{s} ({files[p]})" for p, s in found}


def _file_names(paths: list[Path]) -> dict[Path, str]:
    """Each file's name, or where two files of the import share one, its name with as many of its folders as tell
    it from the others' ("north/list.csv", "south/list.csv"): what its entries cite as their source (a key of
    ``sources.yaml``) and what its sheets are named by (``_sheet_labels``). One key for two documents would cite
    the first file for the rows of both."""
    out = {}
    for path in paths:
        alike = [q for q in paths if q != path and q.name == path.name]
        depth = 1
        while alike and depth < len(path.parts) and any(q.parts[-depth:] == path.parts[-depth:] for q in alike):
            depth += 1
        out[path] = "/".join(path.parts[-depth:]) if alike else path.name
    return out


class GrantsFile(UnreadableInput):
    """A sheet given to `lcg import sheet` is a 360Giving grants file, which `lcg import 360giving` reads (``hint``)."""


def _not_grants(path: Path, header, out_dir) -> str | None:
    """Stop with the command that imports ``path`` when its ``header`` is a 360Giving grants file's: the grant's
    Identifier and a column of the standard's recipient or funder ("Recipient Org:Identifier", "Funding Org:Name",
    as :mod:`.giving360_titles` reads them). Read as a list of organisations, a trial's grants file had the grant's
    Identifier offered as the organisation's identifiers, its recipients' register numbers and postcodes left out,
    and no word of the importer that reads grants, funders and recipients whole."""
    from .giving360_sheets import grants_list_lacks
    from .giving360_titles import column_path

    paths = {str(c).strip(): column_path(c)[0] for c in header if c not in (None, "") and str(c).strip()}
    org = [c for c, p in paths.items() if p and p[0] in ("recipientOrganization", "fundingOrganization")]
    if ("id",) in paths.values() and org:
        error = GrantsFile(f"{path}: a 360Giving grants file (columns {', '.join(map(repr, org[:2]))}"
                           f"{' ...' if len(org) > 2 else ''}), not a list of organisations; nothing was written: "
                           "its grants, funders and recipients are imported by lcg import 360giving")
        error.hint = ("import", "360giving", str(path), "-o", str(out_dir))
        raise error
    # a list of grants with no Identifier column (``grants_list_lacks``): its recipients may be imported as a list of
    # organisations (their org-ids and postcodes kept: ``_recipient_field``), and its grants by `lcg import
    # 360giving`, which names each grant by its row, once the list has what every grant gives
    lacks = grants_list_lacks(list(paths.values()))
    if lacks is None:
        return None
    lacks = [t for t in lacks if t != "Identifier"]
    command = shlex.join(["lcg", "import", "360giving", str(path), "-o", str(out_dir)])
    said = f"{path.name} is a list of grants: `{command}` imports its grants with their funder and recipients"
    if not lacks:
        return said
    shown = ", ".join(lacks[:-1]) + " and " + lacks[-1] if len(lacks) > 1 else lacks[0]
    return f"{said} once it has {'a column' if len(lacks) == 1 else 'columns'} {shown}"


#: The fields of a list of organisations that a 360Giving recipient's columns hold (``giving360_titles``' paths):
#: a grants list imported as its recipients keeps their org-ids, register numbers, postcodes and addresses. A food
#: trial's "Recipient Org:Identifier" (charity numbers) and "Recipient Org:Postal Code" were offered ~, and the
#: duplicates check, which pairs records by them, found 10 true pairs of 21.
_RECIPIENT_FIELDS = {"id": "identifiers", "charityNumber": "Charity number", "companyNumber": "Company number",
                     "postalCode": "postcode", "streetAddress": "address", "addressLocality": "address",
                     "addressRegion": "address", "url": "website"}


def _recipient_field(named: str, fields, could) -> str | None:
    """The field a 360Giving recipient's column (``_RECIPIENT_FIELDS``) is offered as, when the kind has it."""
    from .giving360_titles import column_path

    path = column_path(named)[0]
    if not path or path[0] != "recipientOrganization" or len(path) != 3:
        return None
    field = _RECIPIENT_FIELDS.get(str(path[2]))
    if field in ("Charity number", "Company number"):
        return field if "identifiers" in fields else None
    return field if field in could else None


def _warnings(reader: _Reader) -> list[str]:
    """One line per sheet and column for the placeholders read as empty ("N/A"), the roles passed over in a person
    column ("Parish Office") and the cells read in part ("Reg. Charity 1110039" as 1110039), with their rows: the
    sheet keeps what it says, and the user may check what the import took from it."""
    out = [*reader.file_warnings]
    out += [f"{sheet}:{n}: passed over {text!r}: a note below the list ({how}), not one of its rows"
            for sheet, n, text, how in reader.footers]
    for sheet, notes in reader.inner_notes.items():
        rows = [n for n, _ in notes]
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: passed over {', '.join(repr(t) for _, t in notes)} "
                   f"({_rows_said(rows)}): "
                   + ("headings or notes inside the list, not rows of it" if len(rows) > 1 else
                      "a heading or note inside the list, not a row of it")
                   + " (one cell written where its rows fill several); to import such a row, write another of its "
                   "cells")
    for sheet, totals in reader.totals.items():
        rows = [n for n, _, _ in totals]
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: passed over "
                   + ", ".join(f"{text!r} ({', '.join(figures)})" for _, text, figures in totals)
                   + f" ({_rows_said(rows)}): "
                   + ("totals rows" if len(rows) > 1 else "a totals row") + " (a total's word, and figures beside it), "
                   "not an organisation")
    for sheet, (rows_like, headings) in reader.heading_like.items():
        rows = [n for n, _ in rows_like]
        shown = ", ".join(repr(t) for t in headings[:3]) + (f" and {len(headings) - 3} more" if len(headings) > 3 else
                                                            "")
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: imported {', '.join(repr(t) for _, t in rows_like)} "
                   f"({_rows_said(rows)}) with one cell written, as the "
                   f"headings passed over ({shown}) are: a heading is passed over when it is decorated "
                   "('--- Sandwell ---') or names a value of a type or town column, or a place; if one of these is "
                   "a heading, write it so or delete its row")
    for (sheet, column), cells in reader.roles.items():
        rows, texts = _rows_and_texts(cells)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: passed over "
                   f"{', '.join(map(repr, texts))} ({_rows_said(rows)}): "
                   "a role or team, not a person's name (a given and a family name); write the person's name there to "
                   "import them")
    for (sheet, column), cells in reader.roles_left.items():
        rows, texts = _rows_and_texts(cells)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: passed over the roles "
                   f"{', '.join(map(repr, texts))} beside the people's names ({_rows_said(rows)}): a person's tie "
                   "to an organisation keeps no role")
    for (sheet, column), cells in reader.emails.items():
        rows, texts = _rows_and_texts(cells)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: passed over "
                   f"{', '.join(map(repr, texts))} ({_rows_said(rows)}): "
                   f"{'an e-mail address' if len(texts) == 1 else 'e-mail addresses'}, not a web site; the graph keeps "
                   "no organisation's e-mail address (people carry no contact details), so it is kept nowhere")
    for (sheet, column), cells in reader.mail_domains.items():
        rows, texts = _rows_and_texts(cells)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: passed over "
                   f"{', '.join(map(repr, texts))} ({_rows_said(rows)}): a mail provider's domain, every user's and "
                   "no body's web site")
    for (sheet, column), cells in reader.remarks.items():
        rows, texts = _rows_and_texts(cells)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: passed over "
                   f"{', '.join(map(repr, texts))} ({_rows_said(rows)}): words, not a web site's address: kept in the "
                   "note")
    for (sheet, column), blanks in reader.blanks.items():
        rows, texts = _rows_and_texts(blanks)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: {', '.join(map(repr, texts))} "
                   f"read as empty ({'a placeholder' if len(texts) == 1 else 'placeholders'})")
    for (sheet, column), cells in reader.ofsted_numbers.items():
        rows = sorted({n for n, _ in cells})
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: "
                   f"{'an' if len(rows) == 1 else len(rows)} Ofsted early years or social care "
                   f"{'number' if len(rows) == 1 else 'numbers'}"
                   f" ({', '.join(repr(t) for _, t in cells[:3])}{' ...' if len(cells) > 3 else ''}; "
                   f"{_rows_said(rows)}): Ofsted's register's, not a school's URN (GB-URN is the DfE's), and no "
                   "org-id register holds "
                   f"{'it' if len(rows) == 1 else 'them'}: kept in the note, not in the identifiers")
    for (sheet, column), cells in reader.postcode_parts.items():
        rows, texts = _rows_and_texts(cells)
        said = ", ".join(f"{t!r} ({_rows_said([n for n, c in cells if c == t])})" for t in texts)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: {said}: "
                   f"{'a part' if len(texts) == 1 else 'parts'} of a postcode (its district or sector), not a full "
                   "one: kept as written, but `lcg duplicates` reads only its district from it; write the full "
                   "postcode there (such as WV1 1LY) where it is known")
    for (sheet, column), cells in reader.other_bodies.items():
        rows = sorted({n for n, _ in cells})
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: "
                   f"{', '.join(f'{t!r} (row {n})' for n, t in cells)} name{'s' if len(cells) == 1 else ''} another "
                   "body, not another name of the row's: kept in the note, not as an alias (as one, `lcg duplicates` "
                   "would read the two bodies as one)")
    for said_at, why in ((reader.no_bodies, "words in small letters the column repeats, a kind of body or a note"),
                         (reader.common_words, "one common word, a kind of body or who runs the row, 'run by' or not")):
        for (sheet, column), cells in said_at.items():
            rows, texts = _rows_and_texts(cells)
            said = ", ".join(f"{t!r} ({_rows_said([n for n, c in cells if c == t])})" for t in texts)
            out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: passed over {said}: {why}, not a "
                       "body's name: kept in the note; to tie such a row to the body that runs it, write that body's "
                       "name there")
    for (sheet, column), cells in reader.not_numbers.items():
        for why, kept in (("no digit", [(n, c) for n, c in cells if not any(d.isdigit() for d in c)]),
                          ("HMRC's charity reference, the tax office's", [(n, c) for n, c in cells
                                                                           if any(d.isdigit() for d in c)])):
            if not kept:
                continue
            rows, texts = _rows_and_texts(kept)
            out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: {', '.join(map(repr, texts))} "
                       f"({_rows_said(rows)}) {'is' if len(texts) == 1 else 'are'} no register's number ({why}): "
                       "kept in the note, not in the identifiers")
    for (sheet, column), cells in reader.number_remarks.items():
        rows, texts = _rows_and_texts(cells)
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: {', '.join(map(repr, texts))}: the "
                   "number read, the bracket after it a remark, the cell kept in the note")
    for (sheet, column), cells in reader.own_bodies.items():
        rows = sorted({n for n, _ in cells})
        shown = ", ".join(f"{t!r} (row {n})" for n, t in cells[:3]) + \
            (f" and {len(cells) - 3} more" if len(cells) > 3 else "")
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: {shown} "
                   f"name{'s' if len(cells) == 1 else ''} the row's own body (its name, or with a legal form, 'Trust', "
                   "'Committee', its town or a note added), not another that runs it: no part_of, the name kept as the "
                   "row's alias")
    for sheet, n, name, node_id, other, was in reader.bare_taken:
        written = f" (written {was!r} there)" if was and was != name else ""  # (one name, case and marks aside)
        out.append(f"{sheet}:{n}: {name!r} ({node_id}) was a record of its name alone in {other}{written}, made for a "
                   "provider's cell there; this row's record replaces it, and that file's rows stay tied to it")
    for (sheet, column), repairs in reader.repairs.items():
        rows = sorted({n for n, _, _ in repairs})
        read_so = list(dict.fromkeys((cell, read) for _, cell, read in repairs))  # a cell of many rows said once
        shown = ", ".join(f"{cell!r} as {read}" for cell, read in read_so[:3]) + \
            (f" and {len(read_so) - 3} more" if len(read_so) > 3 else "")
        out.append(f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r}: read {shown}"
                   + (f" ({_rows_said(rows)})" if len(rows) > 1 else ""))  # (a health trial's warning named only
    return out  # its first row, the cells of two others quoted first)


def _held_elsewhere(index: FolderIndex, entries: list[dict]) -> tuple[list[str], dict[str, str], dict[str, dict]]:
    """The rows whose entry the user's own files hold now, which the import no longer writes: (ids of rows
    whose entry is there under their own id, {id of a row merged into an entry there: that entry's id},
    {id: the entry as the user's files have it}).

    ``lcg duplicates`` merges records of an import by moving the kept entry into the folder's own file and
    deleting the others from the import's file; writing them again would undo the merge (the kept id twice,
    the merged records back). Only the user's own files count (not ``imports/``: another import's entry with
    the row's id is a clash, a problem at the row), and only an entry that is this sheet's row:
    * a row is held there when an entry of its kind has its id and, among its names, the row's name (the
      merge keeps the kept record's name; another name is another body whose id the slug or a list's
      numbering happens to be, and the clash stays a problem at the row);
    * an organisation row is merged when its name is a name or an alias of an organisation held so, the
      merge having added it (records of a plain list often share one name, which a merge adds no alias for);
      on a re-import, also when the import's file no longer holds it and an organisation of the user's files
      has its name (the merge deleted it there, into a hand-written entry).
    A row the import's file still holds was not merged (the merge deletes it there), so it is written as
    before; on a first import a name shared with a hand-written entry is no merge either, and `lcg duplicates`
    pairs the two.
    """
    from ..yaml_files import parse
    from .parse_cache import parsed_values

    own_files = [f for f in index.files if f.kind in schema.NODE_KINDS and not f.name.startswith("imports/")]
    names_of: dict[str, tuple[str, list[str]]] = {}  # id -> (kind, normalised name then aliases)
    theirs: dict[str, dict] = {}  # id -> the entry as the user's file has it
    values = parsed_values(own_files, parse)  # the user's own files only: an import's are not read here
    for f in own_files:
        for e in values.get(f.name) or ():
            if isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("name"), str):
                aliases = e.get("aliases") or []
                aliases = [aliases] if isinstance(aliases, str) else aliases
                names_of.setdefault(e["id"], (f.kind, [norm_name(n) for n in [e["name"], *aliases]
                                                       if isinstance(n, str)]))
                theirs.setdefault(e["id"], e)
    held = [e["id"] for e in entries if e["id"] in names_of and names_of[e["id"]][0] == e["_kind"]
            and norm_name(e["name"]) in names_of[e["id"]][1]]
    into: dict[str, str] = {}
    for org in held:
        kind, names = names_of[org]
        if kind == "Organisation":
            for n in names:
                into.setdefault(n, org)
    if index.own_ids:  # a re-import: a row gone from the import's file whose name an entry of the user's holds
        for org, (kind, names) in names_of.items():  # was merged into it there, hand-written or not
            if kind == "Organisation":
                for n in names:
                    into.setdefault(n, org)
    merged = {}
    for e in entries:
        if e["_kind"] != "Organisation" or e["id"] in index.own_ids or e["id"] in names_of:
            continue
        org = into.get(norm_name(e["name"]))
        if org is not None:
            merged[e["id"]] = org
    return held, merged, theirs


def _held_differences(rows: list[dict], held: dict[str, dict]) -> list[tuple]:
    """(id, field, the sheet's value, the entry's) for each field a row the user's files hold writes otherwise:
    the import leaves the entry as the user has it, so a change made in the sheet since (a new phone number)
    would be lost without a word."""
    out = []
    for row in rows:
        mine = held.get(row["id"]) or {}
        for name, value in row.items():
            if name in ("id", "name", "_kind") or value in (None, "", [], ()):
                continue
            theirs = mine.get(name)
            if isinstance(value, list) and isinstance(theirs, list):
                if all(v in theirs for v in value):
                    continue
            elif _same_text(name, theirs, value) or (name == "note" and str(theirs).startswith(str(value))):
                continue  # (a merge adds "; from <id>: ..." to the kept entry's note)
            out.append((row["id"], name, value, theirs))
    return out


def _same_text(name: str, a, b) -> bool:
    """One value written two ways: case and spaces ("wv14 0aa" / "WV14 0AA"), a website's scheme and "www."."""
    def plain(v) -> str:
        text = " ".join(str(v).split()).casefold()
        return re.sub(r"^(https?://)?(www\.)?", "", text).rstrip("/") if name == "website" else text

    return plain(a) == plain(b)


def _title_rows(numbered, known) -> int:
    """How many rows above a sheet's header are its title: a report's sheet often begins with its name
    ("Learning partners 2024") in one cell, perhaps a note or a blank row, then the header. Within the first
    four rows, the header is the first of several cells that names a column (``known``: column and field
    names in lower case, or a "... name" column), every row above it one cell that is no column's name, or
    fewer cells than the row after it, none a column's name: a CSV's title with a comma and no quotes
    ("Arts Council England - funded organisations, Black Country (export 2024)") is two cells, and a trial's was
    read as the header. Below rows of one cell each, the first row of several cells is the header whatever its
    names, when most of the (up to ten) rows under it fill several cells too: the list has several columns, of
    which a one-cell row names one only, so it is a title (an ageing-well trial's "Ageing Well - Directory of Older
    People's Groups ... v7" above "Group,Meets at,Day/time,..." was read as the header, and its hint mapped the
    title as Label; above a header saying "Name" the same title was passed over). Anything else keeps the first row
    as the header: a one-column list's ("name"), or one with a name split at its comma under it."""
    def filled(row) -> int:
        return sum(c not in (None, "") for c in row)

    def header_like(row) -> bool:
        return any(c in known or "name" in c for c in (str(x).strip().lower() for x in row if x not in (None, "")))

    def wide(rows) -> bool:  # most of the rows fill several cells: the list has several columns
        return bool(rows) and 2 * sum(filled(r) > 1 for _, r in rows) > len(rows)

    for k, (_, row) in enumerate(numbered[:4]):
        if filled(row) > 1 and header_like(row):
            return k
        if k and filled(row) > 1 and wide(numbered[k + 1:k + 11]):
            return k  # the first row of several cells below one-cell rows, above a list of several columns
        if k + 1 < len(numbered) and 1 < filled(row) < filled(numbered[k + 1][1]):
            continue  # a title split at its comma: fewer cells than the row after it, none a column's name
        # a title may say "name" ("Partner names 2024"); a one-column list's header is a column's name itself
        if filled(row) != 1 or str(next(c for c in row if c not in (None, ""))).strip().lower() in known:
            return 0
    return 0


#: How a note below a list begins: "Exported 2024-02-12 by ...", "Total: 50 organisations", "Source: ...",
#: "Generated by ...", "Downloaded 12/02/2024": the word, then a colon, a figure or "by", "from", "on"... (so that
#: a last row "Total Fitness" or "Source Arts Trust" is still a row).
_FOOTER = re.compile(r"(?:exported|export|total|totals|source|sources|generated|downloaded|printed|created|produced|"
                     r"compiled|prepared|extracted|last updated|updated)\b\s*(?::|\d|(?:by|from|on|via)\b)",
                     re.IGNORECASE)  # right after the word: "Total Care 24/7", "Source at the Heart" are names
#: How a note saying when its figures were true begins ("Data as at 31/03/2025", "Correct as at Oct 2024"): no
#: body's name starts so.
_AS_AT = re.compile(r"(?:data\s+|figures\s+|information\s+|correct\s+)?as\s+at\b", re.IGNORECASE)


def _filled(row) -> list[int]:
    """Where a row's cells are written (not empty, not blank): a header's named columns, a note's cells."""
    return [i for i, c in enumerate(row) if c not in (None, "") and str(c).strip()]


def _footer_said(row) -> str:
    """How a last row was told from the list's rows, for its warning: its first cell alone written, or a note's word
    starting cells that read as a sentence (``_split_footer``)."""
    if len(_filled(row)) > 1:
        return "a note's word first, a sentence split at its commas"
    return "its first cell alone written"


def _footer(header, row) -> bool:
    """Whether ``row``, last of a sheet whose header names several columns, is a note below the list and not one
    of its rows: only its first cell written, and that a note's words (``_FOOTER``) or a sentence
    (``_a_sentence``). A trial's library list ended with "Exported 2024-02-12 by CLP Community Engagement",
    imported as an organisation; later trials' with "Last updated Feb 2025 by Economy team - please tell us about
    changes", "NB company nos. copied from pledge forms - not checked..." and GrantNav's "Data published under the
    Open Government Licence; exported from GrantNav 2024-03-01" (refused as "no Label")."""
    return len(_filled(header)) > 1 and _filled(row) == [0] and isinstance(row[0], str) and (
        _FOOTER.match(row[0].strip()) is not None or _a_sentence(row[0])) or _split_footer(header, row)


def _split_footer(header, row) -> bool:
    """Whether ``row``, last of a sheet whose header names several columns, is a note below the list split at its
    commas into several cells: its first cell starts with a note's word ("Source:", "Note:", "NB", "Data as at":
    ``_FOOTER``, ``_NOTE_WORD``, ``_AS_AT``), which no body's name starts with, and its cells joined read as a
    sentence (``_a_sentence``, one word in small letters enough after such a start). A money trial's DWP list ended
    with "Source: DWP Black Country District partnership team, Oct 2024. OFFICIAL" in two cells: an organisation."""
    first = str(row[0]).strip() if row and isinstance(row[0], str) else ""
    if len(_filled(header)) < 2 or not first or not (_FOOTER.match(first) or _NOTE_WORD.match(first)
                                                      or _AS_AT.match(first)):
        return False
    return _a_sentence(_footer_text(row), least=1)


def _footer_text(row) -> str:
    """A note's row as its writer wrote it: its written cells joined at the commas a CSV split them at."""
    return ", ".join(" ".join(str(row[i]).split()) for i in _filled(row))


def _totals(reader: _Reader, label: str, numbered: list) -> list:
    """``numbered`` (the rows under the header) without its totals rows, noted in ``reader.totals`` (said with a
    warning, ``_warnings``): a totals row (``identifiers.totals_row``: "Total awarded" and "£92,200"). A grants
    list's "Total awarded" row was imported as an organisation, its sum beside it in a column mapped to ``~``."""
    kept = []
    for n, r in numbered:
        total = totals_row(r)
        if total:
            reader.totals.setdefault(label, []).append((n, *total))
        else:
            kept.append((n, r))
    return kept


#: The small words a body's name writes in small letters ("Friends of the Earth", "Men in Sheds", "Ty Hafan y
#: Plant"): its other words start with a capital.
_NAMES_SMALL_WORDS = _NAME_PARTICLES | frozenset("of for the and in on at by to with a an".split())
#: Words a note below a list says and a body's name does not: when and by whom the list was made, its licence,
#: what to do with it ("Last updated Feb 2025 by Economy team - please tell us about changes", "Data published under
#: the Open Government Licence").
_NOTES_WORDS = frozenset("updated exported published licence license licensed please contact source sources total "
                         "totals copied checked compiled downloaded generated correct accurate".split())
#: Words that make a row of six words or more a sentence (it says something: "Ofsted grades as at last inspection;
#: employer-providers not all listed on FAT"): a verb a note's sentence is made with, or its "not".
_SENTENCE_WORDS = frozenset("is are was were be been being has have had not no do does did may might can could will "
                            "would should must see tell let".split())


def _a_sentence(text: str, least: int = 3) -> bool:
    """Whether ``text`` is a note written as a sentence, not a body's name: three words or more in small letters
    that no name writes so (``_NAMES_SMALL_WORDS``), and what a note has and a name has not: a figure or a date, a
    note's word (``_NOTES_WORDS``), a sentence's verb in six words or more (``_SENTENCE_WORDS``), or a sentence's
    end ("...", "!", "?", a full stop after a word). A reviewer's lists ended with real rows typed in small letters,
    "bilston community centre", "tettenhall wood residents association", passed over as notes; a name written in
    haste ("Wolverhampton toy library") keeps its capitals. ``least``: the words in small letters it needs (fewer
    after a note's word that starts it: ``_split_footer``)."""
    words = str(text).split()
    # (a word after a hyphen or a bracket too: "Oppiva Espoo -tiimi", a Finnish compound's tail, an Espoo hold-out's)
    small = [w for w in words if w.lstrip("-\u2013(\"'\u201c\u2018")[:1].islower()
             and w.lower().strip(".,;:") not in _NAMES_SMALL_WORDS]
    said = {w.casefold() for w in re.findall(r"[^\W\d_]+", str(text))}
    end = str(text).rstrip()
    return len(small) >= least and (
        any(c.isdigit() for c in str(text)) or bool(said & _NOTES_WORDS)
        or len(words) >= 6 and bool(said & _SENTENCE_WORDS)
        or end.endswith(("...", "\u2026", "!", "?")) or re.search(r"[^\W\d_]{4}\.$", end) is not None)


#: A heading or note decorated as one ("--- Europe ---", "** MoUs under renewal **", "=== North ===", "~ Archive ~"):
#: a run of the marks lists draw lines with, at its start, or one at each end. No body's name is written so.
_DECORATED = re.compile(r"(?:[-*=#~_]{2,}.*|[-*=#~_].*[-*=#~_])", re.DOTALL)
#: A note's first word, then its punctuation: "NOTE: phone numbers checked...", "NB - ...", "N.B. rows below...",
#: "Notes: ...". The punctuation is what says a note ("Notes Music Academy" is a name).
#: "NB" in capitals before a word in small letters is the note's word without its punctuation ("NB school halls are
#: term-time evenings only", a trial's row imported as an organisation): no body's name starts so.
_NOTE_WORD = re.compile(r"(?:(?:notes?|nb)\s*[:\-\u2013\u2014.!]|n\.\s?b\b\.?|(?-i:NB\s+[a-z]))", re.IGNORECASE)
#: "NB" in capitals, then a phrase: a word after it in small letters that no name writes so ("NB Switchboard numbers
#: - ask for the named service", a housing trial's note imported as an organisation, and "no name" under another
#: mapping); a body named "NB Studios" writes its words with capitals (``_NAMES_SMALL_WORDS``).
_NB_FIRST = re.compile(r"NB\s+\S+(?P<rest>.*)", re.DOTALL)
#: A bracket in small letters ending a one-cell row, a note on the heading before it ("BIRMINGHAM (regional)",
#: "SCHOOL SITES (evening lets)"), or starting with a word in small letters, which may go on to a month's or a
#: place's name ("(added Mar 2025)", "(moved from Walsall)": a note saying when or how, as no name's bracket
#: starts, "(WCC)", "(Wolverhampton)"): what the heading says is the words before it.
_HEADING_NOTE = re.compile(r"\s*\((?:[^()A-Z]*|\s*[a-z][^()]*)\)\s*$")
#: A bracket ending a cell, whatever it holds: beside no name, a heading in capitals but for it is written as its
#: siblings are ("SEATTLE PUBLIC SCHOOLS (SPS-operated classrooms)" among "COMMUNITY-BASED PROVIDERS":
#: ``_inner_notes``).
_LAST_BRACKET_OF_A_CELL = re.compile(r"\s*\([^()]*\)\s*$")
#: Header words of the columns whose values name the groups a list is arranged in, which its headings repeat
#: ("PCNs" above the PCN rows, "Wolverhampton" above the rows whose Town is Wolverhampton): a type or category, or
#: an area. Columns mapped to Type or Category are such columns too.
_GROUP_HEADER = re.compile(r"\b(?:type|types|category|categories|sector|kind|area|region|borough|district|ward|"
                           r"county|country|state|province|town|city|locality|zone|patch|neighbou?rhood)\b")


def _inner_notes(reader: _Reader, label: str, header, head: list[str], numbered: list) -> list:
    """``numbered`` (the rows under the header, with their numbers) without the headings and notes inside the list,
    which are noted in ``reader.inner_notes`` (said with one warning per sheet, ``_warnings``).

    Lists are arranged in groups under headings ("WOLVERHAMPTON", "--- Europe ---", "PCNs") and carry notes ("***
    rows below still to be checked ***", "NOTE: phone numbers checked..."): a row with one cell written, in a list
    whose header names several columns and whose rows mostly fill several (a one-column list's rows are all one
    cell). Such a row is passed over only when what it says is a heading's or a note's:
    * a note (``_a_note``): decorated, starting with a note's word ("NB school halls are ..."), or a sentence;
      or ending by saying a heading above goes on ("VCSE PARTNERS (CONT.)", "(continued)": ``_CONTINUED``): no
      body's name is written so; and the heading it goes on from ("VCSE PARTNERS");
    * in the rules below, a heading's words before a bracket in small letters, a note on it (``_HEADING_NOTE``:
      "BIRMINGHAM (regional)" is the place's heading, which a trial imported while "WALSALL" was passed over), and
      a heading's rows are those under it past the notes ("SCHOOL SITES (evening lets)" above "NB ...");
    * the text, or the plural, of a value of a column that groups the rows (``_GROUP_HEADER``: "Wolverhampton" a
      Town, "PCNs" a Type), or of several joined ("TRUST SERVICES & NHS" of the Types "Trust service" and "NHS", which a
      trial imported as an organisation): a heading names what the rows under it share;
    * a place's name: a later part of a value of the list's address columns ("Penn" of "Manor Road, Penn"; not its
      first, a building's, which may be a row's own: "Pendeford Library" of "Pendeford Library, Whitburn Close"), a country
      (``places.country_named``) or place words alone (``places.BUILTIN_PLACES``: "West Midlands", "Europe");
    * written in capitals in a list that writes its names in mixed case (most of its Label column's), and naming
      no body (``_shouted``): every word one the list's rows write in small letters, a place's or a section's
      ("SANDWELL" beside "Sandwell Valley Friends", "REGIONAL / NATIONAL", "BLACK COUNTRY", "COVENTRY &
      WARWICKSHIRE"), none a body's word ("WOLVERHAMPTON HOMES", "BILSTON LIBRARY" are bodies), or every word a
      kind of body's, many ("COLLEGES & UNIVERSITIES"). Words shouted, as headings are, where a body's initials are
      capitals wherever they are written ("NSPCC", "YMCA BLACK COUNTRY GROUP", "THE HAVEN WOLVERHAMPTON": words
      the list does not write); or in capitals in another column than the Label's, where no name is written ("LOT 1
      - MENTAL HEALTH & WELLBEING" in a framework's Ref column: a row with no name to import was "no Label", and
      refused the list); or in capitals in the names' column right above the rows it heads, whatever its words
      (``_a_heading_in_capitals``: "SPECIAL SCHOOLS", "LATE RETURNS"; not initials, "NSPCC"). Trials' directories
      imported such headings as organisations, or one of them
      ("SANDWELL", no Town's) while its like ("WALSALL", a Town's) was passed over; a list that writes all its names
      in capitals says nothing by them (a reviewer's lost "WOLVERHAMPTON HOMES", "Homes" being no Town's word).
    Otherwise how a row is written says nothing of the kind: an organisation with only its name written is a row,
    in capitals ("NSPCC", "WEA": its initials) or written as the headings are ("Barnardo's", "Caritas" among the headings
    "Wolverhampton", "Walsall"): a reviewer saw such rows passed over as headings. A row written as the headings
    passed over are (in their column and case, no more words than the longest: "Sandwell" among "Wolverhampton",
    "Walsall", though no row's Town is Sandwell) is imported with a warning naming it, so that a heading the rules
    do not know is seen; in another column than the Label's it is passed over with them, as the row has no name to
    import ("SANDWELL" among a GP list's borough headings in its first column, the names in the second, was "no
    Label" and refused the list). The trials' rows were refused ("no Label", a heading in another column than the names) or,
    worse, imported as organisations ("Wolverhampton", "Walsall" from a pharmacy list's headings). Such rows with no
    row of the list after them are notes below it, said as ``_footer``'s are (a trial's last row, "NOTE: ...
    directory v4", was called "a note inside the list")."""
    from ..dedup.places import BUILTIN_PLACES, country_named, without_postcode

    named = len(_filled(header))
    ones = [(n, r, _filled(r)[0]) for n, r in numbered if len(_filled(r)) == 1]
    if named < 2 or not ones or 2 * len(ones) >= len(numbered):
        return numbered
    full = [r for _, r in numbered if len(_filled(r)) > 1]

    def fold(text) -> str:
        return " ".join(str(text).split()).casefold()

    groups = [i for i, (h, c) in enumerate(zip(header, head)) if c != "label"
              and (c in ("type", "category") or _GROUP_HEADER.search(str(h or "").lower()))]
    values = {fold(r[i]) for r in full for i in groups if i < len(r) and r[i] not in (None, "")}
    # an address's later parts (its locality, its town), or the whole of one written in one part (a Town column's
    # "Wolverhampton"), never the first of several, a building's or a street's: "Heath Town Community Centre,
    # Tudor Road, Heath Town" makes no heading of a row "Heath Town Community Centre" (a reviewer saw it and
    # "Pendeford Library" passed over, organisations with only their names written)
    # (a town before its postcode too: "..., Bushbury, Wolverhampton WV10 9EA" names Wolverhampton, whose heading a
    # parks hold-out's allotments list imported as an organisation while "Sandwell" was passed over)
    places = {fold(without_postcode(part)) for r in full for i, c in enumerate(head) if c == "address" and i < len(r)
              and r[i] not in (None, "") for parts in [str(r[i]).split(",")]
              for part in (parts[1:] if len(parts) > 1 else parts) if part.strip()}

    def grouped(key: str) -> bool:  # a value of a grouping column, or its plural
        return any(k in values for k in (key, key[:-1] if key.endswith("s") else None,
                                         key[:-2] if key.endswith("es") else None) if k)

    def heading(text: str) -> bool:
        key = fold(text)
        parts = [p for p in _HEADING_JOIN.split(key) if p]
        if grouped(key) or key in places or len(parts) > 1 and all(grouped(p) for p in parts):
            return True
        words = re.findall(r"[a-z]+", unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode())
        return bool(words) and (country_named(" ".join(words)) is not None
                                or all(w in BUILTIN_PLACES or w in ("and", "the", "of") for w in words)
                                and any(w in BUILTIN_PLACES for w in words))

    # the words the list's rows write with small letters ("Sandwell", "National", "training provider"): a row of
    # one cell in capitals made of such words is those words shouted, a heading, not a body's initials
    written = {w.casefold() for r in full for c in r if isinstance(c, str)
               for w in re.findall(r"[^\W\d_]+", c) if not w.isupper()}

    def mixed(column: int) -> bool:  # most names of the column written in mixed case: capitals say something there
        at = head.index("label") if "label" in head else column
        names = [str(r[at]) for r in full if at < len(r) and _has_letters(r[at])]
        return 2 * sum(name.upper() != name for name in names) > len(names)

    nameless = [i for i, c in enumerate(head) if c != "label"] if "label" in head else []
    # the rows of the list right under each row: a heading heads them
    # (past the notes between: "SCHOOL SITES (evening lets)" heads its rows from above "NB school halls are ...")
    rows_only = [(n, r) for n, r in numbered if len(_filled(r)) != 1 or not _a_note(str(r[_filled(r)[0]]).strip())]
    under = {n: len(_filled(rows_only[k + 1][1])) > 1 for k, (n, _) in enumerate(rows_only[:-1])}
    passed = {}
    for n, r, i in ones:
        text = str(r[i]).strip()
        words = _HEADING_NOTE.sub("", text) if _has_letters(_HEADING_NOTE.sub("", text)) else text
        if _a_note(text) or _CONTINUED.search(text) or heading(words) or _YEAR_HEADING.fullmatch(text) or (
                words.upper() == words and mixed(i) and (_shouted(words, written) or i in nameless)) or (
                i not in nameless and under.get(n, False) and mixed(i)
                and (_a_heading_in_capitals(words) or _a_heading_of_kinds(text))):
            passed[n] = (i, text)
    continued = {fold(_CONTINUED.sub("", t)) for _, t in passed.values() if _CONTINUED.search(t)}
    passed.update((n, (i, str(r[i]).strip())) for n, r, i in ones if fold(r[i]) in continued)  # "VCSE PARTNERS"
    found: dict[tuple[int, bool], list[str]] = {}  # (column, in capitals) -> the headings written so
    for i, t in passed.values():
        if not _a_note(t):
            found.setdefault((i, t.upper() == t), []).append(t)
    for (column, capitals), texts in found.items():
        if len(texts) < 2:
            continue
        longest = max(len(t.split()) for t in texts)
        nameless_column = "label" in head and column != head.index("label")  # (a row there has no name to import)
        alike = [(n, str(r[i]).strip()) for n, r, i in ones
                 if n not in passed and i == column and _has_letters(r[i])
                 and ((t := _LAST_BRACKET_OF_A_CELL.sub("", str(r[i]).strip()) if nameless_column
                       else str(r[i]).strip()).upper() == t) == capitals
                 and len(str(r[i]).split()) <= longest]
        if alike and "label" in head and column != head.index("label"):
            passed.update((n, (column, t)) for n, t in alike)  # no Label: no row to import, a heading
            alike = []
        # in capitals, in a list that writes its names in mixed case, right above rows of the list: a heading as
        # its siblings are, but for a body's initials (``_initials``: "NSPCC", "YMCA")
        shouted = [(n, t) for n, t in alike if capitals and mixed(column) and under.get(n, False) and not _initials(t)]
        passed.update((n, (column, t)) for n, t in shouted)
        alike = [a for a in alike if a not in shouted]
        if alike:
            reader.heading_like.setdefault(label, ([], []))[0].extend(alike)
            reader.heading_like[label][1].extend(texts)
            reader.heading_like[label][0].sort()
    last = max((n for n, _ in numbered if n not in passed), default=0)
    below = [n for n, _ in numbered if n in passed and n > last]  # no row after them: below the list, not inside
    at = next((k for k, f in enumerate(reader.footers) if f[0] == label), len(reader.footers))
    reader.footers[at:at] = [(label, n, passed[n][1], "its first cell alone written" if passed[n][0] == 0 else
                              "one cell alone written") for n in below]
    inside = [(n, passed[n][1]) for n, _ in numbered if n in passed and n <= last]
    if inside:
        reader.inner_notes[label] = inside
    return [(n, r) for n, r in numbered if n not in passed]


#: A one-cell row naming a year, alone or with a year's word ("2023", "VUOSI 2022", "Year 2023/24", "FY2021", "2024
#: grants", "Financial year 2023-24"): a list of grants by year heads each year's rows so (an Espoo hold-out's "VUOSI
#: 2022", Finnish for "year", and a Pittsburgh one's "FY2021" were imported as organisations). Other words beside a
#: year name a body or an event ("Youth 2000", "Leeds 2023", "Class of 2019": a review's find), which stay rows.
_YEAR_WORDS = r"(?:year|years|fy|financial|academic|annual|report|round|grants?|awards?|funding|vuosi|år|ar|año|any|" \
    r"jahr|jaar|anno|année|annee|rok)"
_YEAR_HEADING = re.compile(rf"(?i:(?:{_YEAR_WORDS}\s+){{0,2}}(?:fy\s?)?(?:19|20)\d{{2}}(?:\s*[/–-]\s*\d{{2,4}})?"
                           rf"(?:\s+{_YEAR_WORDS}){{0,2}}\s*:?)")


def _a_note(text: str) -> bool:
    """Whether a one-cell row's ``text`` is a note, whatever the list: decorated (``_DECORATED``), starting with a
    note's word (``_NOTE_WORD``), or written as a sentence (``_a_sentence``, the rule that tells a note below the
    list from a row: where the note stands does not change what it is)."""
    nb = _NB_FIRST.fullmatch(text)
    return bool(_DECORATED.fullmatch(text) or _NOTE_WORD.match(text) or _a_sentence(text) or nb and any(
        w[:1].islower() and w.strip(",;.()").lower() not in _NAMES_SMALL_WORDS for w in nb["rest"].split()))


#: How a heading joins the groups it names ("TRUST SERVICES & NHS", "Schools / Colleges", "Mosques and temples").
_HEADING_JOIN = re.compile(r"\s*(?:&|/|\+|,|\band\b)\s*")
#: How a heading says it goes on from a part above ("VCSE PARTNERS (CONT.)", "Schools (continued)", "LOT 2 contd"):
#: no body's name ends so, in any case, so the row is a heading whatever its words (a trial's "VCSE PARTNERS
#: (CONT.)" was imported as an organisation, "VCSE" and "partners" being no words of a section).
_CONTINUED = re.compile(r"(?:\(\s*(?:cont|contd|cont'd|continued)\.?\s*\)|\b(?:continued|contd|cont'd)\.?"
                        r"|\bcont\.)\s*$", re.IGNORECASE)
#: Words a heading names a part of a list by, where it reaches ("REGIONAL / NATIONAL", "LOCAL", "OTHER"), or the
#: sector its bodies work in ("FAITH", "HEALTH & WELLBEING", "ARTS & CULTURE": a Bradford and a Birmingham hold-out's
#: "FAITH" heading became an organisation, merged into "Birmingham Council of Faiths"): no body's name in a heading,
#: where "National" or "City" may be a body's word.
_SECTION_WORDS = frozenset("regional national local international county city citywide countywide nationwide uk "
                           "europe other others general miscellaneous misc online".split()) | frozenset(
    "faith faiths health wellbeing education learning skills employment housing arts culture heritage sport sports "
    "leisure youth environment business statutory voluntary public private sector sectors".split())


def _shouted(text: str, written: set[str]) -> bool:
    """Whether ``text``, a one-cell row in capitals of a list that writes its names in mixed case, is a heading in
    capitals: none of its words a body's (``_body_word``: "WOLVERHAMPTON HOMES", "BILSTON LIBRARY", "YMCA BLACK
    COUNTRY GROUP" are bodies) and each one the list writes in small letters (``written``: "SANDWELL" beside
    "Sandwell Valley Friends"), a place's (``places.BUILTIN_PLACES``) or a section's (``_SECTION_WORDS``:
    "REGIONAL / NATIONAL"); or each a kind of body's, many ("COLLEGES & UNIVERSITIES", "SCHOOLS": the bodies of a
    section, not one). A word the list does not write ("THE HAVEN WOLVERHAMPTON", "NSPCC") is a body's own."""
    from ..dedup.names import CONNECTIVES
    from ..dedup.places import BUILTIN_PLACES

    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    words = [w for w in words if w not in CONNECTIVES]
    if not words:
        return False
    if all(w.endswith("s") and _body_word(w) for w in words):
        return True
    return all(w in _SECTION_WORDS or not _body_word(w) and (w in BUILTIN_PLACES or _singular(w) & written)
               for w in words)


def _a_heading_in_capitals(text: str) -> bool:
    """Whether ``text``, a row of the names' column with only its name written, in a list that writes its names in
    mixed case and with a row of the list right under it, is a heading in capitals: its words in capitals, but for
    a note in small letters ("NEW MEMBERS 2024 (not yet sorted)", "ECUMENICAL PARTNERS (RC) - for info"), none
    written as a name writes its words (a capital, then small letters: "AGE UK - Walsall" is a body's), and more
    than one, or one naming a kind of body or a section ("SECONDARY", "LIBRARIES", "FAITH"; not initials: "NSPCC",
    "WEA").

    The list says the kind of each row by how it writes it: a body's name there is written as its names are, in
    mixed case, with its other cells; a line written otherwise, in capitals and alone, above the rows it heads, is
    how spreadsheets mark a section. Trials' lists imported "COMMUNITY PARTNERS", "SPECIAL SCHOOLS", "SANDWELL &
    DUDLEY", "LICHFIELD DIOCESE - WALSALL DEANERY", "LATE RETURNS" as organisations while their siblings
    "LIBRARIES", "TRUSTS", "WALSALL", "METHODIST CIRCUITS" were passed over: their words are no place's, or a body's
    kind in the singular, or words the list writes nowhere else, and the rules of words (``_shouted``) cannot tell
    them from a body's; where the row is, under it the rows it heads, can. A body written so with nothing under it
    but another heading ("WOLVERHAMPTON HOMES" at the end of its part) heads nothing, and stays a row."""
    words = re.findall(r"[^\W\d_]+", text)
    shouted = [w for w in words if _in_capitals(w)]
    return bool(words) and _in_capitals(words[0]) and all(_in_capitals(w) or w.islower() for w in words) and (
        len(shouted) > 1 or _body_word(shouted[0].casefold()) or shouted[0].casefold() in _SECTION_WORDS)


def _in_capitals(word: str) -> bool:
    """Whether ``word`` is written in capitals: all of it, or initials in the plural, capitals and a small "s"
    ("CSPs", "GPs", "PCNs"), which no case writes otherwise, so a heading in capitals writes them so ("COUNCILS /
    CSPs", a trial's heading imported as an organisation while "FIRE" and "POLICE" were passed over)."""
    return word.isupper() or re.fullmatch(r"[A-Z]{2,}s", word) is not None


def _a_heading_of_kinds(text: str) -> bool:
    """Whether ``text``, a row of the names' column with only its name written, in a list that writes its names in
    mixed case and with a row of the list right under it, names kinds of bodies as a section does: a phrase in
    sentence case (a later word in small letters, as no body's name writes its words) ending in a kind of body in the
    plural ("Uniformed groups", "Youth clubs", "Faith groups"), and, after a dash, where ("Uniformed groups -
    Wolverhampton"). A youth trial's directory imported "Uniformed groups - Wolverhampton" as an organisation, while
    its headings in capitals were passed over. A body's name capitalises its words ("Sea Cadets", "Wolverhampton
    Young Carers", "Bilston Boxing Club") or names one body ("Heath Town Youth Club"): it stays a row."""
    what = _DASH_OR_COMMA.split(text.strip(), maxsplit=1)[0]
    words = re.findall(r"[^\W\d_][\w'’-]*", what)
    return len(words) > 1 and _sentence_case(words) and words[-1].islower() and words[-1].endswith("s") \
        and _body_word(words[-1])


def _initials(text: str, longest: int = 5) -> bool:
    """Whether a one-cell row in capitals is a body's initials: one word of five letters at most (``longest``:
    "NSPCC", "YMCA", "WEA", "RMC"). Initials stand for a name of several words and are short; a heading's word is a
    whole word ("SANDWELL", "PROVIDERS"). A housing trial's "PROVIDERS" and "SANDWELL" were imported as organisations
    while their siblings "WALSALL", "WOLVERHAMPTON" and "DUDLEY" (towns of its addresses) were passed over."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) == 1 and len(words[0]) <= longest


def _singular(word: str) -> set[str]:
    """``word`` and what it is, one, if it is a plural: "colleges" -> college, "charities" -> charity."""
    return {word, *([word[:-1]] if word.endswith("s") else []), *([word[:-2]] if word.endswith("es") else []),
            *([word[:-3] + "y"] if word.endswith("ies") else [])}


def _body_word(word: str) -> bool:
    """Whether ``word`` (lower case), or the one it is a plural of, says a body: a kind of body ("library", "church",
    "juniors": ``names.KIND_WORDS``), a word half the sector's names share ("trust", "group", "council",
    "association": ``names.GENERIC_WORDS``), a body's part word (``names.BODY_WORDS``), a legal form or a word the
    sheet reads as a body's (``_BODY_WORDS``: "club", "homes")."""
    from ..dedup.names import BODY_WORDS, CONNECTIVES, GENERIC_WORDS, KIND_WORDS, LEGAL_TOKENS

    return bool(_singular(word) & (GENERIC_WORDS | KIND_WORDS | BODY_WORDS | LEGAL_TOKENS | _BODY_WORDS)
                - CONNECTIVES)


def _has_letters(value) -> bool:
    return isinstance(value, str) and any(c.isalpha() for c in value)


def _cells_past_the_header(reader: _Reader, label: str, width: int, numbered, text: bool) -> None:
    """A problem for rows with a written cell beyond the header's last column: no field would read it.

    In a CSV it is mostly a name with a comma and no quotes ("Department of X, Boston University"), which
    would be imported as "Department of X" without a word. Said once, at the first such row, with a count.
    """
    # a row longer than the header while the sheet's rows are as long as it: one cell split in two, every
    # cell after it one column to the right ("Little Stars, Inc." -> address "Inc."), even when the cell
    # pushed past the header is empty
    # (a CSV's only: a workbook's row may carry an empty formatted cell past its table)
    usual = Counter(len(r) for _, r in numbered).most_common(1)[0][0] if numbered else width
    over = [(n, r) for n, r in numbered
            if any(c not in (None, "") for c in r[width:]) or (text and len(r) > width and usual <= width)]
    if over:
        n, r = over[0]
        written = any(c not in (None, "") for c in r[width:])
        cells = 1 + max(i for i, c in enumerate(r) if c not in (None, "")) if written else len(r)
        cause = ("the header row names no column there (expected a name in the header row for every column, or "
                 "the cell deleted)" if not text else
                 ("a cell with a comma in it needs double quotes (\"Department of X, University of Y\"), or the "
                  "header a name for every column") if written else
                 "the cell past it is empty: a comma too many at the end of the row, or a cell with a comma in it "
                 "that needs double quotes (\"Little Stars, Inc.\")")
        reader.problems.append(f"{_rows_at(label, n, len(over))}: {cells} cells, but the header names {width} "
                               f"column{'s' if width != 1 else ''}: {cause}")


def _cells_under_no_header(reader: _Reader, label: str, header, numbered) -> None:
    """A problem for a column with an empty header cell between named ones whose rows have values: no field
    would read them, and they would be dropped without a word. Said once per column, with a count. A column
    of the rows' numbers (0, 1, 2... or 1, 2, 3..., as pandas writes its index) is passed over."""
    blank = [i for i, c in enumerate(header) if c in (None, "") or not str(c).strip()]
    for i in blank:
        rows = [n for n, r in numbered if i < len(r) and r[i] not in (None, "")]
        values = [str(r[i]).strip() for _, r in numbered if i < len(r)]
        if values and values[0] in ("0", "1") and values == [str(k + int(values[0])) for k in range(len(values))]:
            continue  # the rows numbered: nothing of theirs is lost
        if rows:
            reader.problems.append(f"{_rows_at(label, rows[0], len(rows))}: a cell in column {i + 1}, which the header "
                                   "row does not name (expected a name for every column in the header row, or the "
                                   "column deleted)")


def _sites_by_name(rows) -> dict[tuple[str, str], set[str]]:
    """The units (``UNIT_COLUMN``) each name of a sheet is written with, over its rows: a name with several is one
    body's, each row one of its sites or parts (``_unit_joined``)."""
    found: dict[tuple[str, str], set[str]] = {}
    for sheet, _, row in rows:
        row = {str(k).lower(): v for k, v in row.items() if k}
        unit = norm_name(" ".join(str(row.get(UNIT_COLUMN) or "").split()))
        if row.get("label") is not None and unit:
            found.setdefault((sheet, norm_name(str(row["label"]))), set()).add(unit)
    return found


def _unit_joined(label: str, unit: str, others: set[str]) -> bool:
    """Whether a row's unit is joined to its name ("University of Wolverhampton - Law School"): not where the name
    holds it already ("Wolverhampton Law School" of the unit "Law School", the unit's own name), unless the sheet
    writes that name with other units too (``others``): then the name is a body with several sites, the place the
    name names one of them. A money trial's DWP list's "Citizens Advice Dudley and Wolverhampton" of site
    "Wolverhampton" (beside its site "Brierley Hill") and "Steps To Work (Walsall) Ltd" of site "Walsall" became the
    body's name alone, the site dropped without a word."""
    return norm_name(unit) not in norm_name(label) or len(others) > 1


#: A unit cell naming the body's own main site ("Main site", "Head office (Bilston)", "HQ", "Main campus", "All
#: services"): the body there, no unit of it (a carers trial's "Penncroft Hospice - Main site" is the hospice).
_HEAD_SITE = re.compile(r"(?i:(?:main|head|central|registered)\s+(?:site|office|building|base|campus)|hq|headquarters|"
                        r"all\s+services)\b")


def _units_of_their_rows(reader: _Reader, by_id: dict, by_label: dict) -> None:
    """Each row named "Organisation - Unit" from a unit column, with no parent cell of its own, a unit (``part_of``)
    of the one row the sheets write as that organisation, name as written: "City of Cape Town - Library and
    Information Services" of the row "City of Cape Town". A Cape Town hold-out's units were offered for review as
    their body's duplicates ("NICRO" / "NICRO - Khayelitsha"), though the list said which was a unit of which. A
    body no row is ("Citizens Advice Dudley and Wolverhampton" of its sites "- Wolverhampton", "- Brierley Hill")
    is not made up."""
    made = {node_id for _, _, node_id, _, _ in reader.unit_bodies}
    for sheet, n, node_id, kind, body in reader.unit_bodies:
        rows = [i for i in by_label.get(norm_name(body), ()) if i not in made and i != node_id
                and written_name(by_id[i]["name"]) == written_name(body)]
        if len(rows) == 1:
            reader.tie_cells.append((sheet, n, node_id, kind, "part_of", by_id[rows[0]]["name"]))
            reader.units_of_rows += 1


def _elements(reader: _Reader, rows):
    entries: list[dict] = []
    by_id: dict[str, dict] = {}
    by_label: dict = {}
    seen_label: dict = {}
    seen_label_ids: dict = {}  # (kind, label) -> every row with it so far had an ID
    sites = _sites_by_name(rows)
    for sheet, n, row in rows:
        row = {k.lower(): v for k, v in row.items() if k}
        typed, label = row.pop("type", None), row.pop("label", None)
        unit = " ".join(str(row.pop(UNIT_COLUMN, None) or "").split())
        if label is not None and unit and _unit_joined(str(label), unit, sites.get((sheet, norm_name(str(label))),
                                                                                   set())):  # "Law School" of the row
            # a unit's cell naming its body already ("Nacro - Dudley supported housing" beside "Nacro") is the row's
            # name as written, not joined to the body's a second time ("Nacro - Nacro - Dudley ...", a trial's)
            body = str(label).strip()
            label = unit if f" {norm_name(body)} " in f" {norm_name(unit)} " else f"{body} - {unit}"
            reader.units.append((sheet, n, label))
        elif label is not None and unit:  # the name holds it: said, not dropped without a word
            reader.repairs.setdefault((sheet, reader.headers[sheet].get(UNIT_COLUMN, UNIT_COLUMN)), []).append(
                (n, unit, f"part of the name {str(label).strip()!r}, no unit of its own (the name holds it, and no "
                          "other row of that name has another unit)"))
        text_kind = typed or reader.default_kind
        if label is None:  # said once per sheet, with what to do (``_no_names``)
            _said_once(reader, reader.no_label, sheet).append(n)
        if text_kind is None:
            reader.problems.append(f"{sheet}:{n}: no Type (expected one of {', '.join(schema.NODE_KINDS)})")
            continue
        kind = reader.kind(sheet, n, str(text_kind), typed is not None)
        if kind is None or label is None:
            continue
        fields = {f.name: f for f in schema.NODE_KINDS[kind].fields}
        # a row with its own id is a record as a tool wrote it (an export's), its name as the record has it
        label, also, former = _name_and_other_names(reader, sheet, n, label) \
            if "aliases" in fields and not row.get("id") else (label, [], None)
        given_id = row.pop("id", None)
        node_id = str(given_id or slug(label) or f"{kind.lower()}-row-{n}")  # a name in Cyrillic has no slug
        key = (kind, norm_name(label))
        if not given_id and reader.default_kind:
            # A plain list (its kind given, not a Type per row) is a list of records: two rows with one name
            # are two records, which `lcg duplicates` is there to pair. In a Kumu sheet they are an element
            # written twice, so there the repeat is a problem (below).
            base, node_id = node_id, _free_id(node_id, by_id)
            reader.made_base[node_id] = base
        if node_id in by_id:
            if given_id:  # said once per sheet (``ids_twice``): a column of group numbers repeats on many rows
                first = _first_at(sheet, by_id[node_id]["_row"])
                reader.twice.setdefault(sheet, [len(reader.problems)]).append((n, node_id, first))
                if len(reader.twice[sheet]) == 2:
                    reader.problems.append("")
                continue
            first = _first_at(sheet, by_id[node_id]["_row"])
            reader.problems.append(f"{sheet}:{n}: label {label!r} used twice (first on {first}) "
                                   "(expected one row per element, or distinct IDs)")
            continue
        entry: dict[str, Any] = {"id": node_id, "name": str(label), "_kind": kind}
        if reader.units and reader.units[-1][:2] == (sheet, n) and "part_of" in schema.slots_of(kind) \
                and row.get("part_of") is None and not _HEAD_SITE.match(unit):
            reader.unit_bodies.append((sheet, n, node_id, kind, body))
        if not given_id:
            reader.made_ids.add(node_id)
            if reader.default_kind:
                reader.plain.append((entry, sheet, n))
        head = reader.headers[sheet]
        columns = {"name": head["label"], "id": head["id"] if given_id else head["label"]}  # else made from it
        category = row.pop("category", None)
        if category is not None:
            entry["type"] = str(category)
            columns["type"] = head["category"]
        tags = row.pop("tags", None)
        slots = schema.slots_of(kind)
        for col in [c for c in row if c in slots and slots[c].outgoing and c not in fields]:
            if (cell := row.pop(col)) is not None:  # "Provider Organisation: part_of", read once all rows are
                reader.tie_cells.append((sheet, n, node_id, kind, col, cell))
        if (people := row.pop(PERSON_COLUMN, None)) is not None:
            _person_cell(reader, sheet, n, kind, node_id, people)
        registers = {c: row.pop(c) for c in [c for c in row if register_of(c)]} \
            if "identifiers" in fields else {}
        remarks: list[tuple[str, str]] = []
        for col, v in row.items():
            if v is None:
                continue
            fld = fields.get(col)
            if fld is None or col in ("id", "name"):
                seen = reader.unknown.get((sheet, col, kind))
                if seen is None:  # said once, where first seen; its rows counted (``_unknown_column``)
                    seen = reader.unknown[(sheet, col, kind)] = [n, 0, len(reader.problems), v, []]
                    reader.problems.append("")
                seen[1] += 1
                seen[4].append(v)
                reader.unknown_names.setdefault((sheet, col, kind), []).append(str(label))
                continue
            if fld.type == "url" and _an_email(v):  # "Email / web: website": the web addresses read, not these
                reader.emails.setdefault((sheet, head[col]), []).append((n, " ".join(str(v).split())))
                continue
            if fld.type == "url" and _a_mail_domain(v):  # "Email domain: website": gmail.com is no body's site
                reader.mail_domains.setdefault((sheet, head[col]), []).append((n, " ".join(str(v).split())))
                continue
            if fld.type == "url" and _a_remark(v):  # "Booking / info: website": a heritage hold-out's "Drop in, no
                text = " ".join(str(v).split())  # booking" stopped the import ("bad URL")
                reader.remarks.setdefault((sheet, head[col]), []).append((n, text))
                remarks.append((head[col], f"{head[col]}: {text}."))  # (added to the note after its own column)
                continue
            entry[col] = _value(fld, v)
            columns[col] = head[col]
            if col == "postcode" and _POSTCODE_PART.fullmatch(str(v).strip()):
                reader.postcode_parts.setdefault((sheet, head[col]), []).append((n, str(v).strip()))
            if col == "note":
                entry[col] = _said_note(head[col], entry[col])
            if col == "identifiers":
                entry[col] = _identifier_cells(reader, sheet, n, entry[col])
                _bare_numbers(reader, sheet, n, entry[col])
        if remarks:
            entry["note"] = "; ".join([*([entry["note"]] if entry.get("note") else []), *(r for _, r in remarks)])
            columns.setdefault("note", remarks[0][0])
        if entry.get("aliases"):  # after the fields: a cell naming another body goes to the note
            _alias_cells(reader, sheet, n, entry, columns)
        if "aliases" in fields and not given_id and entry.get("note"):  # "formerly X" starting the note
            _aliases_in_notes(reader, sheet, n, entry, columns)
        if also:  # "(formerly Ablewell Street Methodist)" in the name's cell
            entry["aliases"] = [*entry.get("aliases", []), *(a for a in also if a not in entry.get("aliases", []))]
            columns.setdefault("aliases", head["label"])
        if former:  # "(merged 2022 - was X and Y)": when, a note
            entry["note"] = f"{former} {entry['note']}" if entry.get("note") else former
            columns.setdefault("note", head["label"])
        if registers:  # after the fields: an identifiers column's ids come first
            _register_cells(reader, sheet, n, entry, columns, registers)
        if "identifiers" in fields and not given_id:  # an export's record keeps its note as it has it
            _numbers_in_notes(reader, sheet, n, entry, columns)
        if tags is not None:
            columns.setdefault("note", head["tags"])
            _add_to_note(entry, f"Tags: {tags}.")
        # Two rows may share a label when their IDs tell them apart (grants titled "Core costs"); without IDs
        # they would be one element written twice.
        if key in seen_label and not (given_id and seen_label_ids.get(key)) and not reader.default_kind:
            reader.problems.append(f"{sheet}:{n}: label {label!r} used twice for {schema.a_kind(kind)} (first on "
                                   f"{_first_at(sheet, seen_label[key])}) (expected one row per element, or distinct "
                                   "IDs)")
        seen_label.setdefault(key, (sheet, n))
        seen_label_ids[key] = seen_label_ids.get(key, True) and bool(given_id)
        by_label.setdefault(norm_name(label), []).append(node_id)
        entry["_row"] = (sheet, n)
        reader.rows[node_id] = (sheet, n, columns)
        by_id[node_id] = entry
        entries.append(entry)
    _units_of_their_rows(reader, by_id, by_label)
    _not_names(reader)
    _canadian_numbers(reader)
    _unfit_numbers(reader)
    _two_forms_said(reader)
    _said_ids_said(reader)
    _bare_numbers_said(reader)
    for e in entries:
        e.pop("_row", None)
    for (sheet, col, kind), (_, _, at, _, _) in reader.unknown.items():
        reader.problems[at] = _unknown_column(reader, sheet, col, kind)
    for sheet, (at, *rows) in reader.no_label.items():
        reader.problems[at] = _no_names(reader, sheet, rows)
    reader.unknown_kinds()
    reader.ids_twice()
    return entries, by_id, by_label


def _said_note(column: str, value):
    """A note cell as the entry keeps it: a CQC id alone ("1-8890012345", a "Location ID" column mapped to note, as
    the hint offers it: ``_cqc_ids``) said with what it is, "CQC Location ID 1-8890012345", since a number alone in
    a note tells a reader nothing (a CQC trial's notes were bare numbers); anything else as written."""
    from .org_ids import CQC_ID

    text = str(value).strip()
    if not CQC_ID.fullmatch(text):
        return value
    return f"{column} {text}" if "cqc" in column.lower() else f"CQC {column} {text}"


def _no_names(reader: _Reader, sheet: str, rows: list[int]) -> str:
    """One problem for a sheet's rows with no name in the Label's column, saying which column that is and what to do:
    write the names or delete the rows; or, where another column is written on every row and named for names
    ("Venue name": ``_label_guess``), the mapping lines making it the Label instead, with the command to run. A
    trial's warm spaces list, mapped "Organiser: Label", stopped with "Warm spaces:9: no Label (expected the element's
    name)" and no word of the Organiser column nor of what to do."""
    column = reader.headers.get(sheet, {}).get("label", "Label")
    header, body = reader.sheet_rows.get(sheet, ([], []))
    others = {str(h).strip(): [r[i] if i < len(r) else None for r in body] for i, h in enumerate(header)
              if h not in (None, "") and str(h).strip() and str(h).strip() != column
              and all(i < len(r) and _has_letters(r[i]) for r in body)}
    guess = _label_guess(list(others), (reader.default_kind or "organisation").lower().startswith("org"), others) \
        if others else None
    instead = ""
    if guess is not None and guess[1] and not guess[2]:
        instead = reader.map_hint(guess[0], "Label", lead=f"or name each row by {guess[0]!r}, written on every row",
                                  also=[(column, "~")])
    return (f"{_rows_at(sheet, rows[0], len(rows))}: no name in column {column!r}, the Label "
            f"({_rows_said(rows)}) (expected each row's name: write it "
            f"there, or delete the row{instead})")


_NUMBERS_APART = re.compile(r"\s*(?:[/;,&+]|\band\b)\s*")


def _numbers_of_a_cell(value) -> list:
    """A register column's cell as the numbers it holds: "1059237 / 3150812" (a trust's charity and company numbers,
    a heritage hold-out's cell, refused as fitting no register) as two, each read by its form; one number, and a
    number with a short suffix ("1059237/1", a linked charity's), as written, for its column's rules to read."""
    from .org_ids import said_org_id

    parts = _NUMBERS_APART.split(str(value).strip())
    if len(parts) > 1 and all(sum(c.isdigit() for c in part) >= 6 for part in parts):  # (a charity's number has 6 or
        return parts  # 7 digits, a company's 8: "1012345/12345" is no two numbers, a review's find)
    parts = _SAID_NUMBERS_APART.split(str(value).strip())  # "Charity 1141293 Company 07403536", no mark between (a
    # Newcastle hold-out's one such cell stopped the import, and its user mapped the column to note), each part its
    # register's word and number (not "Charity No 1141293 Scotland SC012345": a review's find, said whole)
    if len(parts) > 1 and all(said_org_id(part) is not None for part in parts):
        return parts
    return [value]


#: Where a cell writes a register's word and number after another's, with no mark between: "Charity 1141293 Company
#: 07403536" (each part then read by its word, ``org_ids.said_org_id``).
_SAID_NUMBERS_APART = re.compile(r"(?<=\d)\s+(?=[A-Za-z][A-Za-z.\s]*\d)")


#: A register's number with a remark in a bracket after it saying when or how it was registered: "1189234 (CIO since
#: 2023)", "01234567 (dormant)". Not one naming another body ("(Trussell Trust)", "(parent church)": the number is
#: that body's), another number ("(also 1123457)", "(linked 1)") or a register ("(company)"): those stay problems.
_REMARK_AFTER_NUMBER = re.compile(r"(?P<number>[^()]*\d[^()]*?)\s*\((?P<remark>(?:[\s,;]*(?:cio|cic|registered|reg|"
                                  r"since|until|from|in|on|old|new|former|dormant|removed|dissolved|exempt|pending|"
                                  r"applied|incorporated|converted|(?:\d{1,2}[/.-]\d{1,2}[/.-])?(?:19|20)\d\d)\b\.?)+)"
                                  r"\s*\)\s*", re.IGNORECASE)


def _register_cells(reader: _Reader, sheet: str, n: int, entry: dict, columns: dict, cells: dict) -> None:
    """The register numbers of a row (``register_of`` its columns) as org-ids in its entry's identifiers, or
    the numbers no register of their column has (said once per column, ``_unfit_numbers``); a column of two
    registers ("URN / UKPRN") reads each number as the first that it fits. A placeholder ("Pending", "Exempt")
    is no number: read as empty, and said as "N/A" is (``_warnings``). A word with no digit that fits no register
    ("CASC", a Community Amateur Sports Club's tax status, which has no number) is no number either: kept in the
    note, said once per column; a sports trial's "Charity/CASC no." stopped the import on 18 such cells. A cell
    with a digit that fits no register is a number mistyped: a problem (``_unfit_numbers``)."""
    from .org_ids import (HMRC_REFERENCE, OSCR_FORM, charity_or_company, charity_shaped, lost_zero, register_ids,
                          register_number, said_org_id)

    head = reader.headers[sheet]
    for col, value in [(c, part) for c, v in cells.items() if v is not None for part in _numbers_of_a_cell(v)]:
        text = str(value).strip()
        if is_placeholder(text):
            reader.blanks.setdefault((sheet, head[col]), []).append((n, text))
            continue
        if (remark := _REMARK_AFTER_NUMBER.fullmatch(text)) is not None:  # "1189234 (CIO since 2023)": the number,
            # its remark kept in the note (a Liverpool hold-out's one such cell stopped the import, and its user mapped
            # the whole column to note: some 55 charities' numbers lost)
            _add_to_note(entry, f"{head[col]}: {text}.")
            columns.setdefault("note", head[col])
            reader.number_remarks.setdefault((sheet, head[col]), []).append((n, text))
            text = remark["number"]
        if "urn" in register_of(col) and OFSTED_NUMBER.fullmatch(text.replace(" ", "")):  # no school's, no org-id
            reader.ofsted_numbers.setdefault((sheet, head[col]), []).append((n, text))
            _add_to_note(entry, f"{head[col]}: {text}.")
            columns.setdefault("note", head[col])
            continue
        registers = charity_or_company(text, register_of(col))  # "Co. 08123456" in a charity column: a company's
        number = register_number(text)  # "Reg. Charity 1110039": the number alone, said (``_warnings``)
        # "UKPRN 10007166", "ODS RL4": as an identifiers column reads them (``_identifier_cells``); a society's number
        # (IP30086R) by its form, as its register's column reads it, said as a society's (below)
        said = said_org_id(text) if number is None else None
        said = None if said is not None and _society_by_form(said[0], text) else said
        cell, text = text, text if number is None else number
        ids: list[str] = [said[1]] if said is not None and said[1] is not None else []
        odd: list[str] = []
        if not ids and registers == ("companyNumber",) and number is None and _UKPRN_FORM.fullmatch(
                re.sub(r"\s+", "", text)) and _names_ukprns(f"{col} {head[col]}"):
            _said_once(reader, reader.two_forms, (sheet, col)).append((n, text))  # (``_two_forms_said``)
            continue
        for register in registers if not ids else ():
            ids, odd = register_ids({register: text})
            if not odd:
                break
        named = register_of(col)
        if said is not None and said[1] is not None:
            if ids[0] != cell.strip():  # (an org-id written as such, "ROR:00340yn33", is read as written: unsaid)
                reader.repairs.setdefault((sheet, head[col]), []).append((n, cell, ids[0]))
        elif ids and ids[0].startswith("GB-MPR-") and "societyNumber" not in named:  # IP30086R, RS007553
            reader.repairs.setdefault((sheet, head[col]), []).append(
                (n, cell, f"{ids[0]} (a registered society's number)"))
        elif ids and registers == ("companyNumber",) and "charityNumber" in named and lost_zero(text):
            reader.repairs.setdefault((sheet, head[col]), []).append(  # 3986211: no charity's (``org_ids._LOST_ZERO``)
                (n, cell, f"{ids[0]} (a company's number that lost its leading zero: a charity's of 7 digits starts "
                          "with 1)"))
        elif ids and registers == ("companyNumber",) and "charityNumber" not in named and charity_shaped(cell):
            reader.repairs.setdefault((sheet, head[col]), []).append(  # 1190234 under "Company number": which is it?
                (n, cell, f"{ids[0]} (a charity's form too: GB-CHC-{re.sub(r'[^0-9]', '', text)} with the column "
                          "mapped to Charity number, which reads each number by its form)"))
        elif ids and registers == ("ods",) and "ods" not in named:  # RL4 in a charity column
            reader.repairs.setdefault((sheet, head[col]), []).append((n, cell, f"{ids[0]} (an NHS body's ODS code)"))
        elif ids and registers[0] not in named:  # a company's number in a charity column, a charity's in a company's
            reader.repairs.setdefault((sheet, head[col]), []).append(
                (n, cell, f"{ids[0]} (a {'charity' if registers[0] == 'charityNumber' else 'company'}'s number)"))
        elif ids and registers == ("charityNumber",) and "companyNumber" in named and OSCR_FORM.fullmatch(
                re.sub(r"\s+", "", text).upper()):  # SC012345 where companies' numbers are too: which is it?
            reader.repairs.setdefault((sheet, head[col]), []).append(
                (n, cell, f"{ids[0]} (a Scottish charity's number; an older Scottish company's number has this form "
                          f"too: write 'Company {text.strip()}' if it is one)"))
        elif ids and registers == ("companyNumber",) and "charityNumber" in named and text.upper().startswith("SC"):
            reader.repairs.setdefault((sheet, head[col]), []).append(  # Scotland's charity numbers look alike
                (n, cell, f"{ids[0]} (a Scottish company's number: Scotland's charity numbers are SC0 and 5 "
                          "digits)"))
        elif number is not None:  # ("CIO 1160455" as GB-CHC-1160455: as the identifiers hold it, as the rest say)
            reader.repairs.setdefault((sheet, head[col]), []).append((n, cell, ids[0] if ids else number))
        squeezed = re.sub(r"\s+", "", cell).upper()
        if odd and (not any(c.isdigit() for c in cell) or "charityNumber" in registers and
                    HMRC_REFERENCE.fullmatch(squeezed)):
            # "CASC": a status, no number; "XR23456": HMRC's reference, no register's; said (``_warnings``)
            reader.not_numbers.setdefault((sheet, head[col]), []).append((n, cell))
            _add_to_note(entry, f"{head[col]}: {cell}.")
            columns.setdefault("note", head[col])
            continue
        if odd and "charityNumber" in registers and _CRA_ROOT.fullmatch(squeezed):
            reader.bare_cra.setdefault((sheet, col), []).append(  # (``_canadian_numbers``)
                (n, entry, cell, odd[0] if len(registers) == 1 else repr(text)))
            continue
        if odd:
            _unfit(reader, sheet, col).append((n, odd[0] if len(registers) == 1 else repr(text), str(value).strip()))
        for i in ids:
            if i not in entry.setdefault("identifiers", []):
                entry["identifiers"].append(i)
        columns.setdefault("identifiers", head[col])
        if ids and ids[0].startswith("GB-NIC-") and squeezed.startswith("NIC"):  # (``_northern_irish_numbers``)
            reader.nic_columns.add((sheet, head[col]))
        elif ids and ids[0].startswith(CRA) and not _CRA_ROOT.fullmatch(squeezed):  # (``_canadian_numbers``)
            reader.cra_columns.add((sheet, col))
        elif ids == [f"GB-CHC-{squeezed}"] and _NIC_RANGE.fullmatch(squeezed):
            reader.bare_nic.setdefault((sheet, head[col]), []).append((n, entry, cell))


#: The Charity Commission for Northern Ireland's numbers, written after "NIC": from 100001, not yet past 110000. An
#: England and Wales charity's number of the 1960s has that form too (``_northern_irish_numbers``).
_NIC_RANGE = re.compile(r"10\d{4}")


def _northern_irish_numbers(reader: _Reader) -> None:
    """A bare number in NIC's range ("100123") in a column whose other cells write "NIC" before theirs is Northern
    Ireland's too (GB-NIC-100123), said with the org-id it would be otherwise: a Belfast hold-out's grants list's nine
    bare numbers were read as England and Wales's (GB-CHC-100123), which no record of its directory's NIC numbers
    matched. Elsewhere it stays England and Wales's, whose register has such numbers."""
    for (sheet, column), cells in reader.bare_nic.items():
        if (sheet, column) not in reader.nic_columns:
            continue
        for n, entry, cell in cells:
            number = re.sub(r"\s+", "", cell)
            ids = entry["identifiers"]
            ids[ids.index(f"GB-CHC-{number}")] = f"GB-NIC-{number}"
            reader.repairs.setdefault((sheet, column), []).append(
                (n, cell, f"GB-NIC-{number} (Northern Ireland's, as the column's other numbers are; an England and "
                          f"Wales charity's would be GB-CHC-{number})"))


#: Where a note's parts end: a ";", or a sentence's full stop before a capital ("... Trust. Reg charity 1152034"),
#: not an abbreviation's before a small letter ("Reg. charity"), or a dash between spaces or a comma ("CIC - company
#: 08123456", "CIO, charity 1187345": a disability trial's note's number was not read, while "Co. 09876543" was).
_NOTE_PARTS = re.compile(r"(;\s*|\s+[-\u2013\u2014]\s+|,\s+|\.\s+(?=[A-Z])|\.\s*$)")


def _numbers_in_notes(reader: _Reader, sheet: str, n: int, entry: dict, columns: dict) -> None:
    """A register's words and number written in the row's note or description, a cell or a part of it between
    ";" ("Reg charity 1112775", "Company 01986171": ``org_ids.said_org_id``), read as that register's org-id in
    its identifiers and taken out of the text, said with its row (``_warnings``), as a register column reads
    "Charity 1115638". A trial's library list gave the WEA's charity number only in its Notes ("Reg charity
    1112775"), and `lcg duplicates` had no number to pair it by with the WEA of another list. Words around the
    number ("Charity number 1112775 (WEA)") leave the text as written: only what says a number and nothing else."""
    from .org_ids import said_org_id

    for field in ("note", "description"):
        text = entry.get(field)
        if not isinstance(text, str):
            continue
        # the note's parts between ";" or sentences ("Trussell Trust. Reg charity 1152034. Warehouse + office": a
        # food trial's notes wrote their numbers so, and none was read), each with the mark after it
        pieces = _NOTE_PARTS.split(text)
        kept, taken = [], False
        for part, mark in zip(pieces[0::2], [*pieces[1::2], ""]):
            said = said_org_id(part.strip()) if part.strip() else None
            if said is None or said[1] is None or said[0] == "cqc":
                kept.append(part + mark)
                continue
            taken = True
            if said[1] not in entry.setdefault("identifiers", []):
                entry["identifiers"].append(said[1])
            columns.setdefault("identifiers", columns.get(field, field))
            reader.repairs.setdefault((sheet, columns.get(field, field)), []).append(
                (n, part.strip(), f"{said[1]} (in its identifiers)"))
        if taken:
            rest = "".join(kept).strip(" ;,-\u2013\u2014")
            if rest:
                entry[field] = rest
            else:
                del entry[field]


#: The UKPRNs the UK Register of Learning Providers has given: it counts up from 10000000, and has not reached
#: 10100000 (``org_ids`` reads 8 digits from 1); Companies House gave such numbers to companies in 2016 (10000000 to
#: 10999999 in 2016-17: a CIC's or an academy trust's "10498367" is no UKPRN, a review's find).
_UKPRN_FORM = re.compile(r"100\d{5}")


def _names_ukprns(column: str) -> bool:
    """A column's name names UKPRNs ("UKPRN / Charity / Co. no", "Company no. (UKPRN for colleges)"), in a bracket's
    remark too: a remark saying they are elsewhere is asked about, a number written with its word, rather than one
    saying they are here misread (a review's find)."""
    return "ukprn" in re.findall(r"[a-z]+", column.lower())


def _two_forms_said(reader: _Reader) -> None:
    """One problem per column whose name names UKPRNs and companies' numbers ("UKPRN / Charity / Co. no") for its
    bare numbers of 8 digits from 100: a UKPRN's form and a company's alike (``_UKPRN_FORM``), so which register is
    theirs no form says. A students hold-out's colleges' UKPRNs ("10007455") were read
    as company numbers without a word; its other cells named their register ("UKPRN 10007166", "Co. 03178345")."""
    for (sheet, col), (at, *cells) in reader.two_forms.items():
        rows, texts = _rows_and_texts(cells)
        shown = ", ".join(map(repr, texts[:3])) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")
        reader.problems[at] = (f"{_rows_at(sheet, rows[0], len(rows))}: column {reader.headers[sheet][col]!r} holds "
                               f"{shown}: 8 digits from 100, a UKPRN's form and a company's number's alike (write the "
                               f"register before {'it' if len(texts) == 1 else 'each'}, as 'UKPRN {texts[0]}' or "
                               f"'Company {texts[0]}')")


def _unfit(reader: _Reader, sheet: str, col: str) -> list:
    """The cells of a register column that fit none of its registers, said once per column where first seen
    (``_unfit_numbers``)."""
    seen = reader.unfit.get((sheet, col))
    if seen is None:
        seen = reader.unfit[(sheet, col)] = [len(reader.problems), []]
        reader.problems.append("")
    return seen[1]


#: A Canadian business number's root: 9 digits, which a registered charity's number begins with ("119035988RR0001":
#: ``org_ids.CRA_CHARITY``). No UK register's number has 9 digits; a US employer's has (``_canadian_numbers``).
_CRA_ROOT = re.compile(r"\d{9}")


def _canadian_numbers(reader: _Reader) -> None:
    """A bare number of 9 digits in a charity column whose other cells write a Canadian charity's number in full
    ("119035988RR0001") is a Canadian business number too (CA-CRA_ACR-108182837), said: a Hamilton hold-out's
    directory and grants list wrote both, and were refused. Elsewhere it fits no register of the column: a problem,
    as any such number is (a US employer's is 9 digits too)."""
    for (sheet, col), cells in reader.bare_cra.items():
        column = reader.headers[sheet][col]
        for n, entry, cell, odd in cells:
            number = re.sub(r"\s+", "", cell)
            if (sheet, col) not in reader.cra_columns:
                _unfit(reader, sheet, col).append((n, odd, cell.strip()))
                continue
            if (org_id := CRA + number) not in entry.setdefault("identifiers", []):
                entry["identifiers"].append(org_id)
            reader.repairs.setdefault((sheet, column), []).append(
                (n, cell, f"{org_id} (a Canadian business number, as the column's other numbers are)"))


def _unfit_numbers(reader: _Reader) -> None:
    """One problem per register column for its numbers that fit none of its registers, with their rows: a
    column of EINs written short is one line to read, not one per row."""
    for (sheet, col), (at, cells) in reader.unfit.items():
        cells = sorted(cells, key=lambda c: c[0])  # (a bare number read last, ``_canadian_numbers``: in its row)
        rows = sorted({n for n, _, _ in cells})
        column = reader.headers[sheet][col]
        if len(cells) == 1:
            what = f"{cells[0][1]} in column {column!r} fits no register"
        else:
            texts = list(dict.fromkeys(repr(v) for _, _, v in cells))
            what = ", ".join(texts[:5]) + (f" and {len(texts) - 5} more" if len(texts) > 5 else "") + \
                f" in column {column!r} fit no register"
        expected = " or ".join(_REGISTER_SHAPES[r] for r in register_of(col))
        # (another register's numbers, or a country's no org-id lists, are kept as written in the note: a Cape Town
        # hold-out's user did so, and asked why the problem offered only to leave them out)
        reader.problems[at] = (f"{_rows_at(sheet, rows[0], len(rows))}: {what} (expected {expected}; correct "
                               f"{'the cell' if len(cells) == 1 else 'them'}, keep the column's numbers as written "
                               f"with {_yaml_key(column)}: note, or leave the column out with {_left_out(column)} "
                               "under columns: in a mapping file)")


#: Words before another name of a body that say how it is the body's ("formerly The Spastics Society", "now Rethink
#: Mental Illness", "t/a Wolves", "aka WVSC", "renamed from Dudley Pride Festival"; a German list's "vormals",
#: "ehemals", "früher", "jetzt": a German hold-out's renamed bodies were missed; Korea's "구", former, a space after it:
#: "(구 수원시건강가정지원센터)", a Suwon hold-out's; Finland's "entinen" and Sweden's "f.d." and "tidigare", former, and
#: "ent." before a name with a Finnish form, "(ent. Espoon Maahanmuuttajaäidit ry)", an Espoo hold-out's: "ent." is
#: English for entrance too, "(ent. Church Lane)"; France's "anciennement" and "ex-" run into the name ("(ex-Maison du
#: Rhône)"), the Netherlands' "voorheen" and "v/h", a Lyon and a Rotterdam hold-out's kept whole, and "nu" (now: "CBE
#: Brussel (nu Ligo)", a Brussels one's), in small letters; Italy's "già", "ex" ("(già Fondazione Urban Center
#: Bologna)", a Bologna hold-out's record's name and id), "ex" in small letters ("Ex Cathedra", "Ex-Services Mental
#: Welfare Society" are names)): the name is the alias, the words are no part of it.
_ALIAS_WORDS = re.compile(r"(?:(?:formerly|previously)\s+known\s+as|formerly|previously|was|now|also\s+known\s+as|"
                          r"a\.?k\.?a\.?|t/a|trading\s+as|known\s+as|renamed\s+from|renamed|d/b/a|dba|"
                          r"vormals|ehemals|früher|jetzt|구|entinen|f\.\s?d\.|tidigare|anciennement|voorheen|v/h|"
                          r"(?-i:nu)|già|gia'|(?-i:ex)|"
                          r"ent\.(?=[^()]*\b(?:ry|rf|r\.y\.|oy|oyj|ab|sr)\s*$))\s*:?\s+(?=\S)|(?-i:ex-)(?=[A-Z0-9])",
                          re.IGNORECASE)


def _written_as_a_name(text: str) -> bool:
    """Whether a name after "formerly" or "now" is written as names are: a capital or a figure first, or a letter of a
    script with no capitals ("수원시...": ``_ALIAS_WORDS``); not "formerly in Penn"."""
    return bool(text) and (text[0].isupper() or text[0].isdigit() or (
        text[0].isalpha() and text[0].lower() == text[0].upper()))


#: Words that name another body the row's is, or went, into ("merged into Carers Trust Heart of England 2019", "part
#: of Recovery Focus", "merged with Headway Wolverhampton"): no other name of the row's, and an alias would make
#: `lcg duplicates` read the two bodies as one.
_OTHER_BODY = re.compile(r"(?:merged\s+(?:into|with)|part\s+of|absorbed\s+(?:into|by)|taken\s+over\s+by|"
                         r"subsidiary\s+of|a\s+project\s+of|now\s+part\s+of|incorporated\s+into)\b", re.IGNORECASE)


#: A bracket after another name saying when it was the body's ("(merged 2013)", "(until 2019)", "(since 2021)",
#: "(2015)"): a note on the name, no part of it.
_DATED_NOTE = re.compile(r"\s*\((?:[^()]*\b(?:merged|until|since|renamed|before|after)\b[^()]*|\s*(?:c\.?\s*)?"
                         r"(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)?\d\d)?)?\s*)\)\s*$", re.IGNORECASE)


#: A bracket at the end of a name's cell saying another name of the body: "(formerly Ablewell Street Methodist)",
#: "(now Beacon Hill Academy)", "(aka WVSC)"; the name in it written as names are, a capital or a figure first (not
#: "(now closed)", "(now at Penn Library)").
_NAME_BRACKET = re.compile(r"(?P<name>.*\S)\s*\((?P<said>[^()]+)\)\s*")
#: A company's name and its trading name in one cell, no bracket ("R.K. Singh Ltd t/a Singh's Bakery", a business
#: trial's employer, and "X Ltd T/A Y" of a skills trial's; the US's "doing business as", "Puget Sound Skills LLC d/b/a
#: ReadyWork Training", a US hold-out's, kept whole): the name, and the trading name its alias.
_TRADING_AS_IN_NAME = re.compile(r"(?P<name>.*?\S),?\s+(?:t/a|trading\s+as|d/b/a|d\.b\.a\.?|(?-i:dba)|"
                                 r"doing\s+business\s+as|h\.o\.d\.n\.?|(?-i:hodn)|handelend\s+onder\s+de\s+naam)"
                                 r"\s+(?P<other>[A-Z0-9].*)", re.IGNORECASE)
#: ("dba" in small letters only: "Cranfield DBA Alumni Network" names a Doctorate of Business Administration, a
#: review's find; the Netherlands' "h.o.d.n.", "handelend onder de naam", trading as: a Rotterdam hold-out's
#: "NT2 Taalschool Rijnmond B.V. h.o.d.n. Taalcentrum Zuid" was kept whole)


#: A bracket's first words saying when the body came to be as it is named, before its former names: "(merged 2022 -
#: was Scotlands Estate TRA and Underhill TRA)", "(renamed 2019, formerly X)": a note, kept (``_bracket_names``).
_WHEN_FIRST = re.compile(r"(?:merged|amalgamated|renamed|re-?formed|re-?named)(?:\s+in)?\s+(?:19|20)\d\d\s*"
                         r"(?:[-\u2013\u2014,;:]\s*)?", re.IGNORECASE)
#: How a merger's former names are joined ("X TRA and Y TRA", "X Church & Y Church").
_NAMES_AND = re.compile(r"\s+(?:and|&)\s+")


def _former_names(rest: str, merged: bool) -> list[str]:
    """The names a bracket's words after "was", "formerly"... give: several joined by "+", and, after a merger's
    words, by "and" or "&" where each part is a body's name ending alike ("X TRA and Y TRA", "X Church & Y Church")
    or in initials ("X TRA and Y CA"), or two names each ending with a body's kind or initials (``_BODY_ENDS``:
    "Dudley Housing Advice Centre and Sandwell Housing Aid", "Chuckery Residents Association and Highgate TRA", a
    housing hold-out's, were each kept as one alias), not one name with "and" in it ("Tenants and Residents
    Association": "Tenants" ends no body's name)."""
    names = [p.strip() for p in rest.split("+") if p.strip()]
    if not merged or len(names) != 1:
        return names
    parts = _NAMES_AND.split(names[0])
    lasts = [p.split()[-1] for p in parts if p.split()]
    bodies = len(lasts) == len(parts) and (len(set(lasts)) == 1 or all(
        (len(w) > 1 and w.isupper()) or (len(parts) == 2 and w.lower() in _BODY_ENDS and len(p.split()) >= 2)
        for w, p in zip(lasts, parts)))
    return parts if len(parts) > 1 and bodies else names


#: Words a body's name ends with, its kind ("Centre", "Association", "Aid"): two names of two words or more joined by
#: "and" after a merger's words, each ending so, are two (``_former_names``); not "Pelsall Village Centre and Museum"
#: nor "Black Country Research and Development", one name each (a review's finds).
_BODY_ENDS = frozenset("aid association centre society trust club church chapel forum circle group network "
                       "partnership project service services foundation charity council school college academy hub "
                       "library museum tra ra".split())


def _bracket_names(text) -> tuple[str, list[str], str | None] | None:
    """(the name, [the other names], a note or None) of a cell naming a body with a bracket at its end saying another
    name of it ("Midland Heart (formerly Prime Focus)": ``_name_and_other_names``), or its trading name after "t/a"
    or "trading as" ("R.K. Singh Ltd t/a Singh's Bakery": ``_TRADING_AS_IN_NAME``), or None. The one rule for a name's
    cell and a part_of column's (``_tie_cells``): a trial's "Midland Heart (formerly Prime Focus)" in a Provider column
    made an organisation of the whole text, while the same text in a name's cell was read as a name and its alias. A
    bracket first saying when the body merged or was renamed ("(merged 2022 - was Scotlands Estate TRA and Underhill
    TRA)": ``_WHEN_FIRST``) is a note, kept whole, and the former names it gives (a community trial's name was kept
    whole, brackets and all). "(now X)" says the body is called X now: X is the name, the one before the bracket
    its alias (``_renamed_now``)."""
    if isinstance(text, str) and (t := _TRADING_AS_IN_NAME.fullmatch(text.strip())):
        return t.group("name").strip(), [t.group("other").strip()], None
    if not isinstance(text, str) or (m := _NAME_BRACKET.fullmatch(text.strip())) is None:
        return None
    said = " ".join(m.group("said").split())
    when = _WHEN_FIRST.match(said)
    words = _ALIAS_WORDS.match(said, when.end() if when else 0)
    if words is None or _OTHER_BODY.match(said):
        return None
    rest = _DATED_NOTE.sub("", said[words.end():])
    names = _former_names(rest, when is not None and when.group().lower().startswith(("merged", "amalgamated")))
    if not names or not all(map(_written_as_a_name, names)) or any(map(_A_DATE.fullmatch, names)):
        return None  # ("(renamed from September 2020)" says when, names no body: a review's find)
    if _renamed_now(text) and len(names) == 1:  # "Walsall Society for the Blind (now Sight Support Walsall)"
        return names[0], [m.group("name").strip()], None
    return m.group("name").strip(), names, f"{said[0].upper()}{said[1:]}." if when else None


#: A date written as words or figures ("September 2020", "1 Sept. 2020", "2019", "03/2021"): when, not a name.
_A_DATE = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                     r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+(?:19|20)\d\d|(?:\d{1,2}[/.-])?\d{1,2}[/.-](?:19|20)?\d\d|"
                     r"(?:19|20)\d\d", re.IGNORECASE)


#: A bracket ending a name's cell saying what the body is called now: "(now Sight Support Walsall)".
_NOW_BRACKET = re.compile(r".*\S\s*\(\s*(?:now|jetzt|(?-i:nu))\s*:?\s+[^()]+\)\s*", re.IGNORECASE | re.DOTALL)


def _renamed_now(text: str) -> bool:
    """Whether a name's cell ends with a bracket saying the body's name now ("Dudley Citizens Advice Bureau (now
    Citizens Advice Dudley & Wolverhampton)"): that name is the record's, the old one its alias. The money and
    disability trials' users saw the old name kept as the name, the body's own name now an alias; "(formerly X)"
    and "(aka X)" keep the name written first, X its alias."""
    return _NOW_BRACKET.fullmatch(text.strip()) is not None


def _name_and_other_names(reader: _Reader, sheet: str, n: int, label):
    """(the row's name, [the other names its cell gives]): a bracket at the end of the name's cell that says, in the
    words the aliases column reads (``_ALIAS_WORDS``: "formerly", "previously", "was", "now", "aka", "t/a"...),
    another name of the same body, is that name, an alias, and no part of the name; said with its row. A trial's
    "Walsall Methodist Church (formerly Ablewell Street Methodist)" was imported so, name and bracket, and `lcg
    duplicates` paired it with neither of the two names another list wrote. "(now X)" is another name as "(formerly
    X)" is, the body being one, but the name it has now: X is the record's name, the one written first its alias
    (``_renamed_now``). A bracket naming another body ("(now part of X)", "(merged into X)": ``_OTHER_BODY``) is
    left as written: "Bilston Lunch Club (run by St Leonard's Church)" and "... (run by Bilston Methodist Church)" are
    two clubs, told apart by it (a review's find, when such a bracket was read as a note)."""
    split = _bracket_names(label)
    if split is None:
        return label, [], None
    name, names, note = split
    column = reader.headers.get(sheet, {}).get("label", "Label")
    reader.repairs.setdefault((sheet, column), []).append(
        (n, label.strip(), _names_read(name, names, note, _renamed_now(label))))
    return name, names, note


def _names_read(name: str, names: list[str], note: str | None, now: bool = False) -> str:
    """What a name's cell with another name in a bracket was read as, for its warning; ``now``: the bracket gave
    the body's name now (``_renamed_now``), the name before it the alias."""
    if now:
        return f"{name!r}, its name now, its former name {names[0]!r} as its alias"
    other = f"another name {names[0]!r} as its alias" if len(names) == 1 else \
        f"other names {', '.join(map(repr, names))} as its aliases"
    return f"{name!r}, {other}" + (f", {note!r} in its note" if note else "")


def _alias_cells(reader: _Reader, sheet: str, n: int, entry: dict, columns: dict) -> None:
    """A row's aliases as names: the words saying how a name is the body's ("formerly", "previously", "was", "now",
    "also known as", "aka", "t/a", "trading as") taken off it; a cell saying the body merged into another or is part
    of one ("merged into Carers Trust Heart of England 2019", "part of Recovery Focus") names another body, kept in
    the note; names joined by "+" after such words ("formerly Dudley Mind + Walsall Mind") are each an alias, and a
    bracket saying when ("(merged 2013)": ``_DATED_NOTE``) is none of the name. Each said with its row. A trial's
    partners register stored "formerly The Spastics Society" and "merged into Carers Trust Heart of England 2019"
    word for word as aliases."""
    column = reader.headers[sheet]["aliases"]
    names: list[str] = []
    for alias in entry["aliases"]:
        text = " ".join(str(alias).split())
        if _OTHER_BODY.match(text):
            _add_to_note(entry, f"{text[0].upper()}{text[1:]}" + ("" if text[-1] in ".!?" else "."))
            columns.setdefault("note", column)
            reader.other_bodies.setdefault((sheet, column), []).append((n, text))
            continue
        worded = bool(_ALIAS_WORDS.match(text))
        name = _DATED_NOTE.sub("", _ALIAS_WORDS.sub("", text, count=1) if worded else text)
        # "formerly Dudley Mind + Walsall Mind": the two bodies the row's was, each a name of its own
        found = [p.strip() for p in name.split("+") if p.strip()] if worded else [name]
        if found != [text]:
            reader.repairs.setdefault((sheet, column), []).append((n, text, ", ".join(map(repr, found))))
        names.extend(x for x in found if x not in names)
    if names:
        entry["aliases"] = names
    else:
        del entry["aliases"]


#: A note's first words saying the name after them was the body's ("formerly Tipton Tigers Netball Club (renamed
#: 2022)", "previously known as X", "renamed from X"), or is its name now ("now called X", "now known as X", "renamed
#: to X": a justice and a health hold-out's notes, "now called Dudley Youth Justice Service", were kept as notes
#: only); not "now X" (what became of the body, "now part of X", "now meets at X", or a successor in its building,
#: as a note says it) nor "was" (a note's verb); in a bracket too. And its other name now, "t/a X", "trading as X",
#: "aka X" (a Manchester hold-out's "t/a The Union MMU", "aka Gorton Monastery" were kept as notes only).
_FORMER_NAME = re.compile(r"\(?\s*(?:(?:formerly|previously|renamed\s+from)(?:\s+(?:known\s+as|called|named))?|"
                          r"now\s+(?:known\s+as|called|named)|renamed\s+(?:to|as)|t/a|trading\s+as|a\.?k\.?a\.?|"
                          r"also\s+known\s+as)"
                          r"\s*:?\s+(?=\S)", re.IGNORECASE)
#: Where a former name in a note ends: the note's next clause ("; merged 2019", ". Meets Tuesdays", " - check").
_CLAUSE_END = re.compile(r";|\.\s|,\s|\s[-\u2013\u2014]\s")


def _aliases_in_notes(reader: _Reader, sheet: str, n: int, entry: dict, columns: dict) -> None:
    """A note starting with a former name of the row's body (``_FORMER_NAME``: "formerly Tipton Tigers Netball Club
    (renamed 2022)"), read as its alias as the name's cell's "(formerly X)" and an aliases column's "formerly X" are,
    the note kept as written; said with its row (``_warnings``). A sports trial's renamed club was one `lcg
    duplicates` could not pair with its old name in another list. Names joined by "+" are each one; a bracket saying
    when (``_DATED_NOTE``) is none of the name; words after the name's clause are the note's; a name is written as
    names are, a capital or a figure first ("formerly in Penn" names no body). Each note column's cell is read so,
    each part of the note between the "; " its columns are joined with: a transport trial's "S19 Standard / S22;
    PB1103800; formerly Walsall Community Transport (renamed 2023)" (its permit's columns, then its Notes) was not."""
    for text in " ".join(str(entry.get("note") or "").split()).split(_JOINED_WITH["note"]):
        words = _FORMER_NAME.match(text)
        if words is None or _OTHER_BODY.match(text[words.end():]):
            continue
        rest = _CLAUSE_END.split(text[words.end():], maxsplit=1)[0]
        # a bracket after the name in a note is a remark on it, "(circuit merger 2019)", "(see minutes)": no part of
        # the alias (a faith trial's became "Spring Head Methodist Church (circuit merger 2019)"); a name's own cell
        # keeps its brackets, and a bracket saying when is none of any name (``_DATED_NOTE``)
        # a note in brackets ("(formerly Wolverhampton Asian Women's Forum)": a diaspora trial's) ends at its bracket
        names = [_DATED_NOTE.sub("", p).split("(", 1)[0].split(")", 1)[0].strip(" .") for p in rest.split("+")]
        if not names or not all(map(_written_as_a_name, names)):
            continue
        new = [p for p in names if p not in entry.get("aliases", []) and norm_name(p) != norm_name(entry["name"])]
        if not new:
            continue
        entry["aliases"] = [*entry.get("aliases", []), *new]
        columns.setdefault("aliases", columns.get("note", "note"))
        reader.repairs.setdefault((sheet, columns.get("note", "note")), []).append(
            (n, text, f"the alias{'es' if len(new) > 1 else ''} {', '.join(map(repr, new))}"))


#: Registers whose numbers written bare in an identifiers column get a mapping to their own column instead
#: (``_bare_numbers_said``: "Companies House No: Company number"), which reads them whatever the column's name.
_MAPPED_BARE = frozenset({"charityNumber", "companyNumber"})


def _identifier_cells(reader: _Reader, sheet: str, n: int, values: list) -> list:
    """An identifiers column's cells as org-ids: a register's word before a number read as that register's org-id
    ("UKPRN 10007924": GB-UKPRN-10007924, "ROR 03angcq70", "ODS RL4", "Charity 1152617", "Company 01986171"), as a
    register column reads "Charity 1115638", and an NHS trust's or board's code alone ("RL4", "QUA", which no
    other register's number looks like: ``org_ids.NHS_SHAPE``) as its GB-NHS id, and a registered provider's
    ("L4496", ``org_ids.SHPE_SHAPE``) as its GB-SHPE id, each said with its row. A trial's
    CRM "Reg ID" column wrote five registers' numbers with their words, and 39 cells were refused. A number its
    register has not ("UKPRN 123") and a CQC id (no org-id scheme has one) are one problem per sheet
    (``_said_ids_said``). A number written bare in a column whose name names its register ("ROR ID": 00vtgdb53,
    "UKPRN": 10007166) is read as the name and the number written together are, the name being the words said before
    every number of the column: a research trial's "ROR ID" mapped to identifiers gave 44 problems "bad identifier
    '00vtgdb53'"; charities' and companies' numbers written bare are ``_bare_numbers``'s."""
    from ..identifiers import is_org_id
    from .org_ids import CQC_ID, NHS_SHAPE, SHPE_SHAPE, said_org_id

    column = reader.headers[sheet]["identifiers"]
    out = []
    for value in values:
        text = str(value).strip()
        reader.id_cells[sheet] = reader.id_cells.get(sheet, 0) + 1
        if is_org_id(text):
            out.append(value)
            continue
        said = said_org_id(text)
        bare = re.sub(r"\s+", "", text).upper()
        if said is None and NHS_SHAPE.fullmatch(bare):
            said = ("ods", "GB-NHS-" + bare)
        if said is None and SHPE_SHAPE.fullmatch(bare):  # "L4496": no other register's number looks so (a housing
            said = ("shpe", "GB-SHPE-" + bare)  # trial's "RP code" mapped to identifiers: the import refused)
        if said is None and bare == text.upper() and (named := said_org_id(f"{column} {text}")) and \
                named[0] not in _MAPPED_BARE:  # one word alone: the column's name says its register
            said = named  # "ROR ID": 00vtgdb53 as "ROR ID 00vtgdb53", ROR:00vtgdb53
        if said is None and CQC_ID.fullmatch(text):
            said = ("cqc", None)
        if said is None and not _bare_register_number(value):  # no org-id and no number: said now, with the sheet's
            said = ("none", None)  # other problems (a hold-out's "D2P2L" was refused only once they were fixed)
        if said is None:
            out.append(value)  # bare numbers (``_bare_numbers``)
            continue
        register, org_id = said
        if org_id is None:
            key = (sheet, register if register in ("cqc", "none") else "unfit")
            _said_once(reader, reader.said_ids, key).append((n, register, text))  # (``_said_ids_said``)
            continue
        if not _society_by_form(register, text):  # IP30877R: a Charity number column reads it so too
            reader.said_registers.setdefault(sheet, set()).add(register)
        read = f"{org_id} (an NHS body's ODS code)" if register == "ods" and bare == text.upper() else \
            f"{org_id} (a registered provider of social housing's number)" if register == "shpe" and \
            bare == text.upper() else org_id
        reader.repairs.setdefault((sheet, column), []).append((n, text, read))
        out.append(org_id)
    return out


#: How a register's number looks, for an identifiers column's cell naming it that fits it not ("UKPRN 123").
_SAID_SHAPES = {**_REGISTER_SHAPES, "ror": "a ROR id of 9 letters and digits from 0, such as 03angcq70"}


def _said_ids_said(reader: _Reader) -> None:
    """One problem per sheet for its identifiers column's cells that name a register whose number they are not
    ("UKPRN 123"), one for those that are no number at all, and one for the CQC's ids: the Care Quality Commission's
    register has no org-id scheme (org-id.guide lists none), and its location id names a site, which two bodies may
    share (a trial's care company and its parent charity were at one): no identifier holds one; the row's note may."""
    for (sheet, what), (at, *cells) in reader.said_ids.items():
        column = reader.headers[sheet]["identifiers"]
        rows = sorted({r for r, _, _ in cells})
        where = _rows_at(sheet, rows[0], len(rows))
        if what == "none":
            texts = list(dict.fromkeys(t for _, _, t in cells))
            shown = ", ".join(map(repr, texts[:3])) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")
            reader.problems[at] = (f"{where}: column {column!r} holds {shown}: no org-id, and no register's number "
                                   "(expected org-ids such as GB-CHC-1164883, or each number with its register's word "
                                   "before it: 'Charity 1139296', 'Company 03960127', 'UKPRN 10007166', 'ODS RL4'; "
                                   "another country's register's number as its org-id, such as IE-CRO-527711, from "
                                   "org-id.guide; a licence or a number no register lists in a note column)")
            continue
        if what == "unfit":
            shown = ", ".join(f"{t!r} (expected {_SAID_SHAPES[reg]})" for _, reg, t in cells[:3]) + \
                (f" and {len(cells) - 3} more" if len(cells) > 3 else "")
            reader.problems[at] = (f"{where}: column {column!r}: {shown} fit{'s' if len(cells) == 1 else ''} no "
                                   "number of the register named (correct the number, or write the org-id itself)")
            continue
        texts = list(dict.fromkeys(t for _, _, t in cells))
        shown = ", ".join(map(repr, texts[:3])) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")
        whole = len(cells) == reader.id_cells.get(sheet) and "note" not in reader.headers[sheet]
        fix = reader.map_hint(column, "note", "keep them in the rows' note: ", "map the column") if whole else \
            "; write them in the rows' note column instead, or delete them"
        reader.problems[at] = (f"{where}: column {column!r} holds CQC ids ({shown}): the Care Quality Commission's "
                               "register has no org-id scheme and a CQC location names a site, which two bodies may "
                               f"share, so no identifier holds one (expected org-ids such as GB-CHC-1164883{fix})")


def _bare_register_number(value) -> bool:
    """A charity's, company's or society's number written without its register ("01672070", "1139296")."""
    return any(register_ids({r: value})[0] for r in ("charityNumber", "companyNumber"))


def _bare_numbers(reader: _Reader, sheet: str, n: int, values: list) -> None:
    """Note the register numbers written bare in an identifiers column ("01672070"): no org-id, and which
    register is theirs the column's mapping says (``_bare_numbers_said``)."""
    from ..identifiers import is_org_id

    for value in values:
        if is_org_id(value) or not _bare_register_number(value):
            continue
        _said_once(reader, reader.bare_numbers, sheet).append((n, value))


#: Words of a column naming a licence's or a permit's number ("License Number", "Licence no."): a regulator's, no
#: register's of org-id.guide.
_LICENCE_WORDS = frozenset({"license", "licence", "licensing", "licenses", "licences", "permit"})


def _bare_numbers_said(reader: _Reader) -> None:
    """One problem per sheet for its identifiers column's bare register numbers, with the mapping that reads
    them as org-ids: the register the column's name says ("Companies House No"), else company numbers when
    one is written as Companies House writes them (8 characters, "01672070"), else charity numbers; but Charity
    number, which reads each number by its form (``org_ids.charity_or_company``), where the numbers have several
    forms (1190234, 04987123, RS007412): an energy trial's "Reg No" was offered Company number, which read its
    charities' numbers as companies' (1190234 as GB-COH-01190234)."""
    from .org_ids import charity_or_company

    for sheet, (at, *cells) in reader.bare_numbers.items():
        column = reader.headers[sheet]["identifiers"]
        words = set(re.findall(r"[a-z]+", column.lower()))
        named = {_REGISTER_WORDS[w] for w in words if w in _REGISTER_WORDS}
        forms = {charity_or_company(v, ("charityNumber",))[0] for _, v in cells}
        company = len(forms) == 1 and (named == {"companyNumber"} or (not named and any(len(v) == 8 for _, v in cells)))
        target, other = ("Company number", "Charity number") if company else ("Charity number", "Company number")
        reads = (f"{target}, which reads each number as an org-id by its form" if len(forms) > 1 else
                 f"{target} or {other}, which reads its numbers as org-ids")
        rows = sorted({r for r, _ in cells})
        texts = list(dict.fromkeys(v for _, v in cells))
        shown = ", ".join(repr(x) for x in texts[:3]) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")
        if reader.said_registers.get(sheet):  # a column of several registers: one register's mapping misreads
            reader.problems[at] = (f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r} holds {shown}: "
                                   "numbers that say no register, among cells that name theirs (expected org-ids "
                                   "such as GB-CHC-1164883; write each number's register before it, as the other "
                                   "cells do: 'Charity 1139296', 'Company 03960127', 'UKPRN 10007166', 'URN 104301', "
                                   "'ODS RL4')")
            continue
        if words & _LICENCE_WORDS and not named and not words & _REGISTERED_WORDS:  # a licence's number: no
            # register's org-id, "Reg / Licence No" naming a register's too (a Seattle hold-out's
            # child care licences, "1184523", were offered Charity number, which reads them as English charities')
            reader.problems[at] = (f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r} holds {shown}: "
                                   "licence numbers, which no org-id register holds (keep them where a reader sees "
                                   f"them{reader.map_hint(column, 'note', '', '')})")
            continue
        what = f"for {target.lower()}s, " if len(forms) == 1 else "for numbers of several registers, "
        hint = reader.map_hint(column, target, what, "map the column")
        reader.problems[at] = (f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r} holds {shown}: register "
                               f"numbers, not org-ids (expected org-ids such as GB-CHC-1164883, or the column mapped "
                               f"to {reads}{hint})")


def _person_cell(reader: _Reader, sheet: str, n: int, kind: str, node_id: str, cell) -> None:
    """Note the people a row's person columns name (``PERSON_COLUMN``), or the problem with them: a contact
    detail is refused at its row (people carry none); a role, a team or a service ("Chief Executive", "Parish
    Office", "PALS", "Coach - Wolverhampton": ``_names_a_role``) or a word alone is passed over with a warning,
    since no person is lost (a person's name is a given and a family name: ``_is_name``); other text
    that names no person ("Jane Smith Oak Trust", which may hold one) is said once per column, with its rows; a
    person named with their role ("Jo Bennett (Curator)": ``_name_and_role``) is that person, the role on their
    tie when WORKS_FOR has a role field, else passed over with one warning per column."""
    column = reader.headers[sheet][PERSON_COLUMN]
    if kind not in schema.REL_KINDS["WORKS_FOR"].ends:
        reader.problems.append(f"{sheet}:{n}: column {column!r} names people who work for an organisation, and this "
                               f"row is {schema.a_kind(kind)} (expected Organisation rows only)")
        return
    names = []
    for part in str(cell).split(LIST_SEPARATOR):
        if _no_one(part):  # "N/A" is no two people
            continue
        couple = _one_family_name(part)
        if couple is not None:  # "Majors Tim & Ruth Clarke": Tim Clarke, Ruth Clarke, said
            reader.repairs.setdefault((sheet, column), []).append(
                (n, part.strip(), f"{', '.join(map(repr, couple))}, the family name written once"))
        names += couple or _people_in(part)
    for text in names:
        if _no_one(text):
            continue
        if _CONTACT_DETAIL.search(text):
            reader.problems.append(f"{sheet}:{n}: column {column!r} holds {text!r}, not a person's name alone "
                                   "(people are kept by name only, with no contact details; write the name alone, "
                                   f"or leave the column out with {_left_out(column)} under columns: in a "
                                   "mapping file)")
            continue
        name, role = _name_and_role(text)
        if _no_one(name):
            continue
        if not _is_name(name):
            if _names_a_role(text) or _words_only(text):
                reader.roles.setdefault((sheet, column), []).append((n, text))  # "Parish Office": passed over
                continue
            seen = reader.not_names.get((sheet, column))
            if seen is None:  # said once per column, where first seen (``_not_names``)
                seen = reader.not_names[(sheet, column)] = [len(reader.problems), []]
                reader.problems.append("")
            seen[1].append((n, text))
            continue
        if role is not None and "role" not in schema.REL_KINDS["WORKS_FOR"].field_names:
            reader.roles_left.setdefault((sheet, column), []).append((n, role))  # said once per column
            role = None
        reader.people.append((sheet, n, node_id, name, role))


#: Ranks and titles written before the names of two people or more, in the plural too ("Majors", "Revds"), or
#: joined ("Mr & Mrs"): ``_one_family_name`` reads past them (``names.PERSON_TITLES`` are the singular titles).
_SHARED_TITLES = frozenset("major majors captain captains capts lieutenant lieutenants lts revs revds reverends "
                           "drs doctors cllrs councillors messrs pastors bishops imams elder elders".split())


def _one_family_name(text: str) -> list[str] | None:
    """The people a cell names who share the family name it writes once, last: given names of one word each joined
    by "&" or "and", then a given name and the family name ("Tim & Ruth Clarke": Tim Clarke, Ruth Clarke), after any
    ranks or titles they share ("Majors", "Revs", "Mr & Mrs", dropped: the names are who they are); else None. A
    faith trial's Salvation Army officers "Majors Tim & Ruth Clarke" became "Majors Tim" and "Ruth Clarke". Not a
    cell of two names in full ("Jane Smith & Raj Patel"), nor one with a role or a bracket beside the names, nor one
    whose names would not read as people's (``_is_name``: "Oak & Ash Trust")."""
    words = " ".join(text.split()).split(" ")
    titles = 0
    while len(words) > titles + 1:
        word = words[titles].lower().strip(".")
        if word in _SHARED_TITLES or _is_title(word):
            titles += 1
        elif word in ("&", "and") and titles and _is_title(words[titles + 1]):
            titles += 2
        else:
            break
    rest = " ".join(words[titles:])
    if re.search(r"[(),:/;-]", rest):
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:&|\band\b)\s*", rest, flags=re.IGNORECASE)]
    if len(parts) < 2 or any(len(p.split()) != 1 for p in parts[:-1]) or len(parts[-1].split()) < 2:
        return None
    family = parts[-1].split()[-1]
    names = [f"{p} {family}" for p in parts[:-1]] + [parts[-1]]
    return names if all(_is_name(x) and not _is_title(x.split()[0]) for x in names) else None


def _name_and_role(text: str) -> tuple[str, str | None]:
    """(the person's name, their role) of a cell that names a person with their role ("Jo Bennett (Curator)",
    "Secretary: Jean Wild", "Jean Wild - Secretary", "Jean Wild, Secretary"), else (the cell, None): the role is
    kept on their tie (WORKS_FOR's role), the name is who they are, and one person named with and without it is
    one (a trial's user cleared such cells by hand). Brackets may hold any role; elsewhere the role's words are
    role words (``_ROLE_WORDS``), so that "Smith, Jane" stays a name. Chinese, Japanese and Korean write a title
    after the name, with a space ("박서연 팀장", ``_UNSPACED_ROLE_WORDS``)."""
    text = " ".join(text.split())
    if (m := _IN_BRACKETS.fullmatch(text)) and _is_name(m["name"]):
        return m["name"], m["role"].strip()
    if (m := _ROLE_FIRST.fullmatch(text)) and _is_role(m["role"]) and _is_name(m["name"]):
        return m["name"], m["role"]
    *name, last = text.split() or [""]
    if name and _is_role(last) and _unspaced(last) and _is_name(" ".join(name)):  # "박서연 팀장": the title after
        return " ".join(name), last
    parts = _DASH_OR_COMMA.split(text, maxsplit=1)
    if len(parts) == 2:
        first, second = parts
        if _is_role(second) and _is_name(first):
            return first, second
        if "," not in text and _is_role(first) and _is_name(second):  # "Secretary - Jean Wild"
            return second, first
    return text, None


def _people_in(text: str) -> list[str]:
    """The people one part of a cell names: "Jane Smith & Raj Patel", "... / ...", "... and ..." are two, split
    outside brackets ("Mo Ahmed (Information & Advice Officer)" is one person with their role) and only where a
    part is a person's name or every part a role ("Head of Centre & Centre Manager"): "Kids & families team" is one
    team, "PALS / Switchboard" one cell to pass over."""
    text = " ".join(text.split())
    parts, depth, start = [], 0, 0
    for m in re.finditer(r"[()]|" + _PEOPLE_SPLIT.pattern, text, re.IGNORECASE):
        if m.group() in "()" and m.group():
            depth = max(0, depth + (1 if m.group() == "(" else -1))
        elif depth == 0 and m.group().strip():
            parts.append(text[start:m.start()])
            start = m.end()
    parts = [p.strip() for p in [*parts, text[start:]] if p.strip()]
    if len(parts) > 1 and (any(_is_name(_name_and_role(p)[0]) for p in parts)
                           or all(_role_words(p, alone=False) for p in parts)):
        return parts
    return [text] if text else []


def _is_name(text: str) -> bool:
    """Whether ``text`` is written as a person's name: a given name (or initial) and a family name, or a title and
    a family name ("Jane Smith", "Smith, Jane", "Dr P Singh", "Mrs Kaur"). Not one word alone: a given name alone
    ("Sarah") says no one, one person of that name across every list, and a word alone is as often an acronym
    ("PALS"), a service ("Switchboard", "Helpline") or a place ("Wolverhampton" in "Coach - Wolverhampton"). Not
    words that name a body ("Oak Trust"), a role or a service ("Duty Officer", "Adult Social Care", "Dementia
    Adviser": role and service words only, or a role's word last, unless it is a family name too and the cell reads
    as a person's, ``_reads_as_job``: "Tom Head", "Paul Nurse", "Syed Imam", not "Practice Nurse"), nor a phrase
    written in sentence case with such a word ("Debt adviser", "Advice line": a name's words are capitalised, but for
    its particles, "Sanne de Vries", "Ehsan ul Haq"; "Jane smith" is a person written in haste). Chinese, Japanese and Korean write a whole name as one word of two to four letters
    ("박서연", "陈静"), which has no capitals to tell it from a role: it is a name unless a role's word of those
    scripts says otherwise (``_UNSPACED_ROLE_WORDS``: "王经理", "팀장"); a trial's delegates "박서연", "陈静" were
    passed over as roles. Names in scripts with capitals (Cyrillic, Greek) are read as Latin ones are."""
    text = _without_marks(text)
    if not _PERSON_NAME.fullmatch(text):
        return False
    raw = text.replace(",", " ").split()
    if len(raw) == 1 and _unspaced(raw[0]):  # "박서연", "陈静": a family and a given name in one word
        return 2 <= len(raw[0]) <= 4 and not raw[0].endswith(_UNSPACED_ROLE_WORDS + _UNSPACED_BODY_ENDINGS)
    if _unspaced(raw[-1]) and raw[-1].endswith(_UNSPACED_ROLE_WORDS):  # "박서연 팀장": a role's word last
        return False
    words = [w.lower().strip(".") for w in raw]
    if _BODY_WORDS.intersection(words) or set(words) <= _ROLE_WORDS | _SERVICE_WORDS:
        return False
    titles = 0
    while titles < len(raw) - 1 and _is_title(raw[titles]):
        titles += 1
    if "," not in text and words[-1] in _ROLE_WORDS | _SERVICE_WORDS and (
            words[-1] not in _SURNAME_ROLE_WORDS or _reads_as_job(words[titles:])):
        return False
    if _sentence_case(raw) and (_ROLE_WORDS | _SERVICE_WORDS).intersection(words):  # "Debt adviser", not "Jane smith"
        return False
    if _sentence_case(raw) and _a_phrase(raw):  # "As above", "Drop in", "To be confirmed", not "Jane smith"
        return False
    return len(raw) - titles >= 2 or (titles > 0 and len(raw) - titles == 1)


#: Ordinary words a note in a person's column is written with, in lower case after its first word ("As above",
#: "See below", "Drop in", "By appointment", "Currently vacant", "To be confirmed"): none is a family name written
#: in haste ("Jane smith").
_PHRASE_WORDS = frozenset("above below over in out on off at to be by see only first after before is are was not "
                          "vacant appointment appointments confirmed arranged request requested required needed "
                          "available unavailable please call contact online email phone post later soon none all any "
                          "every basis only welcome needed tbc tba known given".split())


def _a_phrase(raw: list[str]) -> bool:
    """Whether a cell written in sentence case (``_sentence_case``) is a phrase, not a name written in haste: it
    names no person, to be passed over with its column's warning. A name written in haste is a given and a family
    name ("Jane smith"); a phrase has more words ("To be confirmed") or an ordinary word no family name is
    (``_PHRASE_WORDS``: "As above", "Drop in", "Currently vacant"). A trial's reviewer saw "As above", "See below",
    "Drop in" and "By appointment" imported as people."""
    lower = [w.lower().strip(".,") for w in raw[1:] if w[:1].islower()]
    return len(raw) > 2 or bool(_PHRASE_WORDS.intersection(lower))


def _reads_as_job(words: list[str]) -> bool:
    """Whether ``words`` (lower case, titles left out), ending with a job's word that is a family name too
    (``_SURNAME_ROLE_WORDS``: "nurse", "imam", "care"), name the job, not a person of that family name: the word
    before it is no given name, being a role, service or body word or a job's qualifier (``_JOB_QUALIFIERS``:
    "Practice Nurse", "Senior Pastor", "Social Care"), or the cell starts with a job's word ("Chaplain Imam"). A
    given name then the family name ("Paul Nurse", "Syed Imam", "Sarah Care") is a person, as a title then the family
    name is ("Revd Pastor"); the job word alone ("Imam") is no person's name either way."""
    if len(words) < 2:
        return False
    return words[-2] in _ROLE_WORDS | _SERVICE_WORDS | _BODY_WORDS | _JOB_QUALIFIERS | _SUBJECT_WORDS or \
        words[0] in _ROLE_WORDS | _SERVICE_WORDS or _a_place(words[-2])


def _a_place(word: str) -> bool:
    """Whether ``word`` (lower case), before a job's word that is a family name too, is a place, not a given name
    ("Wolverhampton Imam", "Bilston Vicar": the job where the place is): a place the duplicate rules know
    (``places.BUILTIN_PLACES``) or written as a town's name is (six letters or more, a town's ending: "-ton",
    "-ham", "-bury"): the duplicate rules' place words with no data of their own (``names.NO_PLACES``). A
    trial's reviewer saw "Wolverhampton Imam" imported as a person."""
    from ..dedup.names import NO_PLACES

    return word in NO_PLACES


def _without_marks(text: str) -> str:
    """``text`` without its letters' marks (Unicode's combining marks): Thai's and Indic scripts' vowel signs
    ("สมชาย ใจดี", "प्रिया शर्मा"), an accent written apart from its letter, are part of their word, and no
    pattern of letters sees them as letters."""
    return "".join(c for c in text if not unicodedata.category(c).startswith("M"))


def _unspaced(word: str) -> bool:
    """Whether ``word`` is written in a script that writes a person's names as one word (``_UNSPACED_SCRIPTS``)."""
    return bool(word) and all(unicodedata.name(c, "").startswith(_UNSPACED_SCRIPTS) for c in word)


def _reads_as_people(values, strict: bool = False) -> bool:
    """Whether a column's cells ``values`` hold people's names: more cells name a person (``_is_name``, with their
    role or not) than hold something no person column takes, a role, a team or a service passed over as one
    ("Parish Office") aside, as a contact column holds them; ``strict``, for a column whose name says only that
    it holds names ("Name"), more than half of its written cells read as a given and a family name
    (``_reads_as_a_persons_name``: no care home's "Ashmore Lodge"): a body's name is as often written in role and
    body words ("Cork City Council") as a role is, and counts against it. A word alone counts against it too, a
    given name ("Steve", "Kev?": no one, ``_is_name``) or a role ("caseworker"): a veterans trial's "Contact" of first
    names was offered as person, whose every cell would have been passed over."""
    names = others = 0
    for value in values:
        text = " ".join(str(value or "").split())
        if _no_one(text):
            continue
        if _CONTACT_DETAIL.search(text):
            others += 1
        elif (_reads_as_a_persons_name if strict else _names_person)(text):
            names += 1
        elif strict or not _names_a_role(text) or len(text.split()) == 1 and not _unspaced(text):
            others += 1
    return names > others


def _people_share(values) -> float:
    """The share of a column's written cells that name a person (``_names_person``): of two columns, the one of
    people's names reads so at least as much as the one of the bodies they work for, some of whose names are written
    as names are ("Universidad de Antioquia")."""
    texts = [" ".join(str(v).split()) for v in values if v not in (None, "") and str(v).strip()]
    return sum(map(_names_person, texts)) / len(texts) if texts else 0


def _names_person(text: str) -> bool:
    """Whether a cell names a person (``_is_name``, with their role or not, one of several), and has no word
    bodies are named with ("Seoul Metropolitan Government", "Age UK": ``names.GENERIC_WORDS``, a legal form):
    when a column is told from another by its cells, a body's name written as a person's counts for neither (care
    agencies are named so, "Bluebird Care", as "Sarah Care" is a person: ``_SURNAME_ROLE_WORDS``); a role read off
    the name ("Tom Harris - Head of Insight") is no part of it."""
    from ..dedup.names import GENERIC_WORDS, LEGAL_TOKENS

    def body(name: str) -> bool:
        return bool(set(re.findall(r"\w+", name.lower())) & (GENERIC_WORDS | LEGAL_TOKENS | _BODY_WORDS | {"care"}))

    if body(text) and not any(role for _, role in map(_name_and_role, _people_in(text))):
        return False
    # a role read off is no part of the name: "Tom Harris - Head of Insight" is a person, "of" a role's word there
    return any(_is_name(name) and not body(name) for name, _ in map(_name_and_role, _people_in(text)))


def _peoples_names_header(col: str) -> bool:
    """Whether a column's name says it holds names, and none but people's may be meant (``_PEOPLES_NAME_WORDS``):
    "Name", "Full name", "Contact name", not "Project name" nor "Local name"."""
    return bool(_NAMES_HEADER.search(col.lower())) and (
        set(re.findall(r"[a-z]+", col.lower())) <= _PEOPLES_NAME_WORDS or bool(_PERSON_HEADER.search(col.lower())))


#: A place's, a building's or a project's last word, no family name a list of people is likely to hold: "Ashmore
#: Lodge", "Beech House", "Penn Manor" (care homes), "Open Door", "Green Gym" (projects). Read only where a column is
#: told to be people's by its cells alone (``_reads_as_people``, ``strict``); a contact column's "Tom House" is still
#: a person.
_SITE_WORDS = frozenset("lodge house manor court grange hall halls view park gardens garden place villa villas cottage "
                        "cottages farm mews towers tower heights mill hill green rise croft close fields meadows "
                        "residence home homes nursing gym cafe café door start club hub project scheme space works "
                        "lane road street way avenue drive walk square centre center".split())
#: How the bodies of Chinese, Japanese and Korean name themselves, at the end of the one word their name is
#: written as: a university (大学, 대학교), a college (学院), a city or district (市, 区, 시, 구, 구청), a government
#: (政府), a centre (中心, 센터). A trial's "Local name" column of 北京大学, 北京市, 수원시, 연수구청 was offered as
#: people's names (two to four letters, as a person's name is written).
_UNSPACED_BODY_ENDINGS = ("大学", "大學", "学院", "學院", "市", "区", "區", "政府", "中心", "시", "구", "구청", "대학교",
                          "대학", "센터", "県", "県庁", "省")


def _reads_as_a_persons_name(text: str) -> bool:
    """Whether a cell of a column told to be people's by its cells alone (a "Name") reads as a given and a family
    name or a title and a family name (``_names_person``), its last word no place's, building's or project's
    (``_SITE_WORDS``): a care home list's "Name" of "Ashmore Lodge", "Beech House", "Penn Manor" was offered as
    people's names, its Provider as the Label."""
    if not _names_person(text):
        return False
    name = _name_and_role(text)[0]
    words = re.findall(r"[^\W\d_][\w'’-]*", name.lower())
    if words and words[-1] in _SITE_WORDS:
        return False
    # nor a body's words, a place's or initials in a name written in mixed case: a youth trial's "Delivered by"
    # ("Wednesfield Methodist Church", "Dudley MBC", "RAF Air Cadets") read as people's names, and was offered ~
    written = re.findall(r"[^\W\d_][\w'’-]*", name)
    # ("Jo Church", two words, is a given and a family name)
    return not (len(words) > 2 and any(map(_body_word, words[1:])) or any(map(_a_place, words))
                or not name.isupper() and any(len(w) > 1 and w.isupper() for w in written))


def _sentence_case(words: list[str]) -> bool:
    """Whether ``words`` are written as a phrase, its first word capitalised and a later one not ("Debt adviser",
    "Adult Social Care front door"), where a name capitalises each word but its particles ("Sanne de Vries", "Jo
    d'Souza")."""
    return words[0][:1].isupper() and any(w[:1].islower() and w.lower() not in _NAME_PARTICLES
                                          and w.split("-")[0].lower() not in _NAME_PARTICLES
                                          and not re.match(r"[dlo]['’]", w) for w in words[1:])


def _is_role(text: str) -> bool:
    """Whether ``text`` is a role written beside a name ("Secretary", "Chief Exec", "Head of Music", "Clinical
    Director", "Consultant Geriatrician"): a few words, a role's word at least, the others role or body words, or
    any words before the role's word that ends them (how a job's title is written: "Integrated Care Coordinator"), or
    any after a role's word and "of" or "for" ("Head of Insight": a trial's "Tom Harris - Head of Insight" was "no
    person", though "Jo Bennett - Curator" is one)."""
    words = [w.strip(".") for w in text.lower().split()]
    if len(words) == 1 and _unspaced(words[0]) and words[0].endswith(_UNSPACED_ROLE_WORDS):  # "박서연 (팀장)"
        return True
    if not 0 < len(words) <= 5 or not _ROLE_WORDS.intersection(words):
        return False
    if len(words) > 2 and words[0] in _ROLE_WORDS and words[1] in ("of", "for"):
        return True  # "Head of Insight", "Director of Public Health": a job's title names what it is over so
    return words[-1] in _ROLE_WORDS or all(w in _ROLE_WORDS or w in _BODY_WORDS or w in ("and", "&") for w in words)


def _role_words(text: str, alone: bool = True) -> bool:
    """Whether ``text`` is written in the words of a role, a team, a service or a body ("Chief Executive", "Parish
    Office", "Adult Social Care", "Wolverhampton City Council"): those words but for one, or but for two before
    the body's or role's word it ends with, or any written as a phrase with one of them (``_sentence_case``); one of them at
    least unless ``alone`` (a word alone, "Kids" of "Kids & families team", is no role of its own). Not "Jane Smith
    Oak Trust" nor "Jane Smith Community Team", which hold a person's name too."""
    words = [w.strip(".'’") for w in re.findall(r"[^\W\d_][\w'’.-]*", text.lower())]
    known = _ROLE_WORDS | _BODY_WORDS | _SERVICE_WORDS
    others = len({w for w in words if w not in known and not (w and set(w.split("-")) <= known)})
    phrase = _sentence_case(text.split()) and others < len(set(words))  # "Adult Social Care front door"
    ends = words[-1] in _BODY_WORDS or words[-1] in _ROLE_WORDS  # "Independent DV Advocate"
    return bool(words) and (others <= 1 or (others == 2 and ends) or phrase) and \
        (alone or others < len(set(words)))


def _names_a_role(text: str) -> bool:
    """Whether a cell that names no person names a role, a team, a service or a body, to be passed over with a
    warning (no person is lost): no part of it (between dashes, commas, colons, brackets, "&") is a person's name,
    and each is one word ("PALS", "Switchboard", "Coach - Wolverhampton": a role and a place) or written in role,
    service or body words (``_role_words``). "Jane Smith Oak Trust" is no such cell: a name may be in it."""
    parts = [p for p in re.split(r"\s+[-\u2013\u2014]\s+|[:,()&/;]|\s+and\s+", text) if p.strip()]
    if not parts or any(_is_name(p.strip()) for p in parts):
        return False
    return all(len(p.split()) == 1 or _role_words(p) for p in parts)


def _words_only(text: str) -> bool:
    """Whether a cell that names no person (``_is_name``) is two to four words of no role, service or body, to be
    passed over with the column's warning rather than refused: no person is hidden in it as in "Jane Smith Oak
    Trust", and no edit of the sheet should be asked for a cell a person's name is written in that the rules read
    otherwise (a trial's reviewer saw "Ehsan ul Haq" and "Jane smith" refuse the import)."""
    words = [w.strip(".'’").lower() for w in text.split()]
    return 2 <= len(words) <= 4 and not (_ROLE_WORDS | _SERVICE_WORDS | _BODY_WORDS).intersection(words)


def _left_out(column: str) -> str:
    """The mapping lines that leave out ``column``, as the header names it: person columns joined are each one
    ("Headteacher + Main contact": ``Headteacher: ~`` and ``Main contact: ~``)."""
    return " and ".join(f"{_yaml_key(c)}: ~" for c in column.split(" + "))


def _no_one(text: str) -> bool:
    """A cell or part of one that names no one: empty, a placeholder ("N/A", "TBC", "Vacant") or a title alone, but
    for a title that is a job too ("Imam", "Pastor" alone: the body's own, a role said as one)."""
    text = " ".join(text.split())
    return not text or text.lower().strip(".") in _NO_ONE or _is_title(text) and \
        text.lower().strip(".") not in _ROLE_WORDS or is_placeholder(text)


def _is_title(text: str) -> bool:
    """A person's title ("Mrs", "Revd", "Fr", "Pastor", "Imam": ``names.PERSON_TITLES``, the one home of person
    titles, which duplicate scoring drops from people's names too; read here only when a sheet names people, not when
    the importer loads). A trial's "Fr Marek Nowak" and "Pastor D. Campbell" kept their titles in their ids."""
    from ..dedup.names import PERSON_TITLES

    return text.lower().strip(".") in PERSON_TITLES


def _without_titles(name: str) -> str:
    """``name`` without the titles it starts with ("Prof. Alan Reid": "Alan Reid", "Insp Dave Carter": "Dave
    Carter"), for the id a person is written under: the title is how the list addresses them, not who they are
    (their name keeps it)."""
    words = name.split()
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def _not_names(reader: _Reader) -> None:
    """One problem per person column for its cells that name no person ("Centre Manager", "See website")."""
    for (sheet, column), (at, cells) in reader.not_names.items():
        rows, texts = _rows_and_texts(cells)
        shown = ", ".join(repr(x) for x in texts[:5]) + (f" and {len(texts) - 5} more" if len(texts) > 5 else "")
        reader.problems[at] = (f"{_rows_at(sheet, rows[0], len(rows))}: column {column!r} holds {shown}, which "
                               f"name{'s' if len(texts) == 1 else ''} no person (expected a person's name such as "
                               "Jane Smith, several separated by ';'; leave a cell empty for no one)")


def _people(reader: _Reader, index: FolderIndex, entries: list, by_id: dict, by_label: dict, ties: dict,
            renamed: list) -> None:
    """The people the person columns name, as ``people`` ties of the rows' organisations (WORKS_FOR, written on
    the organisation, so that the person's entry may be in the user's file), each person found once, by name: a
    Person row of the sheet; else a person of the user's own files with that name or alias (a merge put them
    there), whose entry this import does not write; else the person this import wrote before under that name
    (its id kept); else a new entry, by name only, under a free id (``renamed`` when its name's id is taken).
    Another import's person of one name is not joined: two people may share a name, and `lcg duplicates --kind
    person` offers the two for review. A tie a Connections row gives already (with its role) is not given twice."""
    if not reader.people:
        return
    theirs = _people_named(index)
    before = _own_ids_by_name(index, "Person")
    taken = set(index.ids) | set(by_id)
    found: dict[str, str] = {}  # normalised name -> person id
    for sheet, n, org, name, role in reader.people:
        key = norm_name(name)
        pid = found.get(key)
        if pid is None:
            rows = [i for i in by_label.get(key, []) if by_id[i]["_kind"] == "Person"]
            pid = rows[0] if rows else theirs.get(key)
            if pid is None:
                made = slug(_without_titles(name)) or f"person-row-{n}"
                pid = before[key][0] if len(before.get(key, ())) == 1 and before[key][0] not in taken else \
                    _free_id(made, taken)
                if pid != made and made in index.ids:
                    renamed.append(("Person", made, pid))
                taken.add(pid)
                entry = {"id": pid, "name": name, "_kind": "Person"}
                by_id[pid] = entry
                by_label.setdefault(key, []).append(pid)
                entries.append(entry)
                reader.made_people.add(pid)
                reader.rows[pid] = (sheet, n, {"name": reader.headers[sheet][PERSON_COLUMN]})
            found[key] = pid
        if org in _tie_ids(ties.get((pid, "works_for"))) or pid in _tie_ids(ties.get((org, "people"))):
            continue
        ties.setdefault((org, "people"), []).append({"id": pid, "role": role} if role else pid)
        reader.tie_rows.setdefault((org, "people"), []).append(
            (sheet, n, {"role": reader.headers[sheet][PERSON_COLUMN]} if role else {}))


def _parents_in_the_folder(reader: _Reader, index: FolderIndex, entries: list, by_id: dict,
                           ties: dict) -> list[tuple[str, str, str]]:
    """Link each name a tie column ("Run by", "Provider name": part_of) gives that no row of the sheets has to the
    organisation of the folder's other files (another import's, the user's) of exactly that name (case and accents
    aside), when one only has it, or one only of those that have it writes it so, case and spacing aside (a schools
    trial's "Dudley Academies Trust" made dudley-academies-trust-2 beside trusts.xlsx's record of that name, which
    "The Dudley Academies Trust" has too), instead of writing a new entry of it: (column, name, id) of each, for the
    summary.
    An ageing-well trial's groups list named "Beechwood Grange Care Home", a row of the CQC list imported before, as
    the body running a memory cafe: it was written again as beechwood-grange-care-home-2, a record of the body by name
    alone. So is a name the folder's record has as its other name, none having it as its name: a hospital charities
    hold-out's "Run by" cells "WRVS" and "RWT Charitable Funds" made records beside the directory's "Royal Voluntary
    Service" and its charity, each "formerly" so. Another spelling ("Cedar Lodge (Barchester)" for "Cedar Lodge") is no
    exact name: a new entry, which
    `lcg duplicates` pairs with the folder's; two entries of the name, which of them is not guessed; nor a name the
    cell gives a register number of that the folder's record has not ("X Trust (reg charity 521234)": the number
    would be lost), written as a record of its own with it, which `lcg duplicates` pairs with the folder's."""
    if not reader.made_parents:
        return []
    by_name: dict[str, list[str]] = {}
    by_alias: dict[str, list[str]] = {}  # (its other names: "WRVS" of "Royal Voluntary Service (formerly WRVS)")
    for org, names in index.names_of.items():
        if names and org not in index.own_ids:
            by_name.setdefault(names[0], []).append(org)
            for other in dict.fromkeys(names[1:]):
                by_alias.setdefault(other, []).append(org)

    def one_of(name: str) -> str | None:  # the one record of the name, else the one of them written so, else the
        held = by_name.get(norm_name(name), [])  # one record of that other name (an alias), no record named so
        if not held and len(aliased := by_alias.get(norm_name(name), [])) == 1:
            return aliased[0]
        exact = [o for o in index.orgs_by_written_name.get(written_name(name), ()) if o in held]
        return held[0] if len(held) == 1 else exact[0] if len(exact) == 1 else None

    found = {made: held for made in reader.made_parents if (held := one_of(by_id[made]["name"])) is not None
             and all(held in index.orgs_by_identifier.get(i, ()) for i in by_id[made].get("identifiers", ()))}
    if not found:
        return []
    for at, values in ties.items():
        ties[at] = list(dict.fromkeys(found.get(v, v) if isinstance(v, str) else v for v in values))
    entries[:] = [e for e in entries if e["id"] not in found]
    linked = []
    for made, org in found.items():
        linked.append((reader.made_parents[made][1], by_id.pop(made)["name"], org))
        reader.made_ids.discard(made)
        reader.rows.pop(made, None)
    return linked


#: The fields of a record another sheet import made for a name its provider column gives ("Managed by": part_of)
#: that no row of its sheets has: the name alone, and the file it was read from (``_tie_cells``).
_BARE_FIELDS = frozenset({"id", "name", "sources"})


def _bare_records(reader: _Reader, index: FolderIndex, entries: list, by_id: dict, ties: dict,
                  left_out: set[str]) -> dict[str, set[str]]:
    """Write a row as the record of its exact name (case, accents and "&" aside) that another sheet import's
    file holds by that name alone (its fields only a name and a source: one made for a provider's cell), the one
    record of the folder of that name, and drop that record from the other file (``write_import``'s ``drop``):
    the other file's ties to it name the same id, and that import's next run links its provider cell to this
    row's record by its name (``_parents_in_the_folder``), as this write left it, so either import may run again.
    A libraries trial's venues list made "Wednesfield History Society" for the body running a heritage centre;
    its heritage list's row of that society, with its charity number and contact, was written beside it as
    wednesfield-history-society-2, two records of one body. Not a row of a name several rows or records share
    (which of them is not guessed), nor one with an ID column. Returns other file -> the ids it drops; each said
    in a warning naming the row, the id and the file."""
    by_name: dict[str, list[str]] = {}
    for org, its_names in index.names_of.items():
        for one in its_names:
            by_name.setdefault(one, []).append(org)
    names = Counter((e["_kind"], norm_name(e["name"])) for e in entries)
    wanted: dict[str, dict] = {}  # the folder's id -> the row that is its record
    for e in entries:
        key = norm_name(e["name"])
        if (e["_kind"] != "Organisation" or e["id"] not in reader.made_ids or e["id"] in reader.made_parents
                or e["id"] in left_out or names[(e["_kind"], key)] != 1 or len(by_name.get(key, ())) != 1):
            continue
        org = by_name[key][0]
        if not index.place_of.get(org) and (org == e["id"] or org not in by_id):
            wanted[org] = e
    if not wanted:
        return {}
    drop: dict[str, set[str]] = {}
    new_ids: dict[str, str] = {}
    for f in index.files:
        if f.kind != "Organisation" or not f.name.startswith("imports/sheet-"):
            continue
        values = index.parsed.get(f.name) or []
        for held in values:
            if not isinstance(held, dict) or held.get("id") not in wanted or set(held) - _BARE_FIELDS:
                continue
            if len(values) - len(drop.get(f.name, ())) <= 1:  # the file's last entry: kept (a file of no entries)
                continue
            e = wanted.pop(held["id"])
            drop.setdefault(f.name, set()).add(held["id"])
            if e["id"] != held["id"]:
                new_ids[e["id"]] = held["id"]
            sheet, n, _ = reader.rows[e["id"]]
            reader.bare_taken.append((sheet, n, e["name"], held["id"], f.name, str(held.get("name") or "")))
    _rename_ids(reader, new_ids, by_id, ties)
    reader.made_ids -= set(new_ids)
    return drop


def _initials_of_a_name(reader: _Reader, index: FolderIndex, entries: list, by_id: dict, ties: dict) -> None:
    """Link a name a tie column gives that no row has, written as initials ("CWC": one word of five capitals at
    most, ``_initials``), to the organisation whose name it spells the initials of (``initials_of``: "City of
    Wolverhampton Council"), when the sheets and the folder's other files have one name only that it spells, said
    in a warning naming both; where it spells several ("City of Wolverhampton College" too), it is an organisation
    of its own, as before, said in a warning naming them, for the user to write the name meant (but names that are one
    once forms and short forms are read, "... NHS FT" and "... NHS Foundation Trust", are one). A libraries trial's
    "Managed by" wrote "CWC" on two rows of the council's libraries, which became an organisation of its own with
    no word of the council the other rows named."""
    from ..dedup.names import initials_of, name_key

    made = [m for m in reader.made_parents if m in by_id and _initials_written(by_id[m]["name"])]
    if not made:
        return
    names: dict[str, list[str]] = {}  # a name written in full -> the ids of that name, the sheets' first
    for e in entries:
        if e["_kind"] == "Organisation" and e["id"] not in made:
            names.setdefault(norm_name(e["name"]), []).append(e["id"])
    for org, folder_names in index.names_of.items():
        if folder_names and org not in index.own_ids:
            names.setdefault(folder_names[0], []).append(org)
    found: dict[str, str] = {}
    for m in made:
        short = name_key(by_id[m]["name"])
        spelled = [n for n in names if not _initials(n) and initials_of(short, name_key(n))]
        if len({name_key(n).tokens for n in spelled}) == 1:  # one name written several ways is one body's: "BTHFT"
            spelled = spelled[:1]  # of "... NHS FT" and "... NHS Foundation Trust" (a Bradford hold-out's)
        column = reader.made_parents[m][1]
        rows = sorted({row[1] for at, values in ties.items() for v, row in zip(values, reader.tie_rows.get(at, ()))
                       if _tie_id(v) == m})
        said = by_id[m]["name"]
        if len(spelled) == 1:
            found[m] = names[spelled[0]][0]
            full = by_id[found[m]]["name"] if found[m] in by_id else spelled[0]
            read = f"{found[m]} ({full!r}), the one name of the sheets and the folder it is the initials of"
        elif spelled:
            read = (f"an organisation of its own, {m}: the initials of {len(spelled)} names ("
                    f"{', '.join(names[n][0] for n in spelled)}); to tie its rows to one, write its name there")
        else:
            continue
        for n in rows:
            reader.repairs.setdefault((reader.made_parents[m][0], column), []).append((n, said, read))
    if not found:
        return
    for at, values in list(ties.items()):
        ties[at] = list(dict.fromkeys(found.get(v, v) if isinstance(v, str) else v for v in values))
        if at[0] in ties[at]:  # its own initials ("ACWN" of "African Caribbean Women's Network" in its own Provider
            # cell: a hold-out's import stopped, "part_of ... is this entry itself"): its own body, the initials its
            _add_aliases(by_id[at[0]], [by_id[m]["name"] for m, org in found.items() if org == at[0]])  # alias
            if not [v for v in ties[at] if v != at[0]]:
                del ties[at]
                reader.tie_rows.pop(at, None)
            else:
                ties[at].remove(at[0])
    entries[:] = [e for e in entries if e["id"] not in found]
    for m in found:
        by_id.pop(m)
        reader.made_ids.discard(m)
        reader.made_parents.pop(m)
        reader.rows.pop(m, None)


def _initials_written(text: str) -> bool:
    """Whether a name a tie cell gives is written as initials: one word in capitals of up to 8 letters ("CWC",
    "CWC."). A school board's are longer than a heading's test allows (``_initials``): a Hamilton hold-out's "HWCDSB"
    (Hamilton-Wentworth Catholic District School Board, a row of its sheet) became an organisation of its own; they
    must still spell a name of the sheets or the folder."""
    return _initials(text, longest=8) and text.strip().isupper()


def _own_ids_by_name(index: FolderIndex, kind: str) -> dict[str, list[str]]:
    """Normalised name -> the ids of ``kind`` this import wrote before under it."""
    out: dict[str, list[str]] = {}
    for node_id, (k, e) in index.own_entries.items():
        if k == kind and isinstance(e.get("name"), str):
            out.setdefault(norm_name(e["name"]), []).append(node_id)
    return out


def _people_named(index: FolderIndex) -> dict[str, str]:
    """Normalised name or alias -> id of each person in the user's own files (not ``imports/``)."""
    out: dict[str, str] = {}
    for f in index.files:
        if f.kind != "Person" or f.name.startswith("imports/"):
            continue
        for e in index.parsed.get(f.name) or ():
            if isinstance(e, dict) and isinstance(e.get("id"), str):
                aliases = e.get("aliases") or []
                for x in [e.get("name"), *(aliases if isinstance(aliases, list) else [aliases])]:
                    if isinstance(x, str):
                        out.setdefault(norm_name(x), e["id"])
    return out


def _ids_taken(reader: _Reader, index: FolderIndex, entries: list, by_id: dict, ties: dict,
               left_out: set[str], renamed: list) -> None:
    """Keep the id this import gave a row before (the one row of its kind and name it wrote), and write a row
    whose id, made from its name, another file of the folder holds under a free id (a grant recipient of a
    360Giving import with the same name): the import writes only its own files, and `lcg duplicates` pairs the
    two records (``renamed``). Rows of one name are numbered again together, in row order (``_row_order_ids``).
    Not a row ``left_out`` (its entry is the user's now, under that id or merged into one), nor one with an ID
    column: the sheet's own id stays."""
    before = {kind: _own_ids_by_name(index, kind) for kind in ("Organisation", "Project", "Place", "Network",
                                                                "Event", "Theme", "Report")}
    names = Counter((e["_kind"], norm_name(e["name"])) for e in entries if e["id"] in reader.made_ids)
    taken = set(index.ids) | set(by_id)
    groups: dict[str, list[dict]] = {}  # the id a name makes -> the rows it was made for, in row order
    for e in entries:
        if e["id"] in reader.made_ids and e["id"] not in left_out:
            groups.setdefault(reader.made_base.get(e["id"], e["id"]), []).append(e)
    new_ids: dict[str, str] = {}
    for base, group in groups.items():
        if len(group) > 1:
            new_ids.update(_row_order_ids(index, base, group, taken, renamed))
            continue
        (e,) = group
        old, key = e["id"], norm_name(e["name"])
        prev = before.get(e["_kind"], {}).get(key, [])
        if len(prev) == 1 and names[(e["_kind"], key)] == 1 and prev[0] != old and prev[0] not in taken:
            new_ids[old] = prev[0]  # as before: an id once written stays, whatever else the folder holds now
        elif old in index.ids:
            new_ids[old] = _free_id(old, taken)
            renamed.append((e["_kind"], old, new_ids[old]))
        else:
            continue
        taken.add(new_ids[old])
    _rename_ids(reader, new_ids, by_id, ties)


def _row_order_ids(index: FolderIndex, base: str, group: list[dict], taken: set[str], renamed: list) -> dict[str, str]:
    """The ids of a plain list's rows of one name (``base``: "multistory", then "multistory-2"...) when another
    file of the folder holds one of them: the rows numbered again together, in row order, round the other file's
    ids. Each moved on its own, a trial's two "Multistory" rows were multistory-3 (the first row) and multistory-2
    (the second), the council's list holding multistory."""
    mine = {e["id"] for e in group}
    if not mine & index.ids:
        return {}
    avoid = (taken - mine) | index.ids
    out = {}
    for e in group:
        new = _free_id(base, avoid)
        avoid.add(new)
        taken.add(new)
        if new != e["id"]:
            out[e["id"]] = new
        if base in index.ids:
            renamed.append((e["_kind"], base, new))
    return out


def _rename_ids(reader: _Reader, new_ids: dict[str, str], by_id: dict, ties: dict) -> None:
    """Give entries their new ids (old -> new) all at once, in the entries, their rows and every tie naming them:
    one's new id may be another's old one (rows of one name numbered again)."""
    if not new_ids:
        return
    moved = {old: (by_id.pop(old), reader.rows.pop(old)) for old in new_ids}
    for old, (entry, row) in moved.items():
        entry["id"] = new_ids[old]
        by_id[entry["id"]] = entry
        reader.rows[entry["id"]] = row
    owned = [k for k in ties if k[0] in new_ids]
    held = {k: (ties.pop(k), reader.tie_rows.pop(k, None)) for k in owned}
    for (owner, slot), (values, rows) in held.items():
        ties[(new_ids[owner], slot)] = values
        if rows is not None:
            reader.tie_rows[(new_ids[owner], slot)] = rows
    for values in ties.values():
        values[:] = [{**v, "id": new_ids.get(v["id"], v["id"])} if isinstance(v, dict) else new_ids.get(v, v)
                     for v in values]


def _tie_id(tie) -> str:
    """The id a tie names: a plain id, or the ``id`` of a tie with fields."""
    return tie["id"] if isinstance(tie, dict) else tie


def _tie_ids(ties) -> set:
    """The ids a slot's value names (a list of ties, one tie, or nothing)."""
    ties = ties if isinstance(ties, list) else [] if ties is None else [ties]
    return {_tie_id(t) for t in ties if isinstance(t, (str, dict))}


def _free_id(base: str, taken) -> str:
    """``base``, or ``base-2``, ``base-3``... the first not in ``taken``."""
    node_id, k = base, 2
    while node_id in taken:
        node_id, k = f"{base}-{k}", k + 1
    return node_id


#: Column names lists use for a field under another name: the field a mapping file would map them to.
FIELD_SYNONYMS = {"zip": "postcode", "zipcode": "postcode", "zip code": "postcode", "postal code": "postcode",
                  "post code": "postcode", "tel": "phone", "telephone": "phone", "phone number": "phone",
                  "url": "website", "web": "website", "web site": "website", "homepage": "website",
                  **dict.fromkeys(("web address", "website address", "web page", "webpage", "website url", "web url",
                                   "home page", "internet address"), "website"),
                  "street": "address", "street address": "address", "addr": "address", "alias": "aliases",
                  **dict.fromkeys(("dba", "d/b/a", "d.b.a.", "trading name", "trading as", "t/a", "also known as",
                                   "aka", "a.k.a.", "known as", "formerly", "former name", "previous name",
                                   "other name", "other names"), "aliases"),
                  # a body's short form is another of its names ("UdeA", "CR&DALL"): one the duplicates check reads
                  **dict.fromkeys(("acronym", "acronyms", "abbreviation", "abbreviations", "abbrev", "abbrev.",
                                   "abbr", "abbr.", "short name", "short names", "shortname", "short form"), "aliases"),
                  "town": "address", "city": "address", "locality": "address", "address 1": "address",
                  "address 2": "address", "address line 1": "address", "address line 2": "address",
                  **dict.fromkeys(("tel.", "tel no", "tel. no.", "tel no."), "phone"),
                  **dict.fromkeys(("zip+4", "zip + 4", "zip code+4"), "postcode"),
                  **dict.fromkeys(("location", "postal address", "mailing address"), "address"),
                  # the area after the street and town, joined after them whatever the columns' order
                  # (``_address_ranks``)
                  **dict.fromkeys(("state", "county", "country", "region", "province"), "address")}
#: How a column's name ends when it names a field after another word or before a number ("TelephoneNum",
#: "SchoolWebsite", "Street 1", "Address line 2"), for its hint: not "Phone opening hours", "Town twinning",
#: "Address type", "Postcode district", nor an e-mail or web address. A name ending with a place's word, a word of
#: its own ("Member city", "Home country", "Local authority region"), says where the row is, as "City" does: offered
#: as address, joined with the others (``_address_ranks``: a trial's "Member city" was offered ~); not "Ethnicity",
#: "Capacity", "Estate", "Allocation", whose ends are no words.
_FIELD_WORDS = {"phone": re.compile(r"(?:(?:tele)?phone|\btel\.?)[\s_-]*(?:num|number|no\.?)?$"),
                "website": re.compile(r"(?:website|web site|webpage|homepage)$"),
                "postcode": re.compile(r"(?:postcode|post code|postal code|postalcode|zipcode|zip code|\bzip)$"),
                "address": re.compile(r"(?<!e-mail )(?<!email )(?<!web )(?:street|address|town)"
                                      r"(?:[\s_-]*(?:line)?[\s_-]*\d)?$|\b(?:city|town|country|county|region|state|"
                                      r"province|locality|location)$")}
#: A column's name that says it holds web addresses ("Web address", "URL", "Homepage"): never offered address.
_WEB_COLUMN = re.compile(r"\b(?:web|website|webpage|url|homepage|www|internet)\b")
_PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z0-9 _.()-]*")
#: Plain words YAML reads as something else than text (yes, no, on, off, true, false, null).
_YAML_WORDS = frozenset("y n yes no on off true false null".split())


#: The words of a column naming the place a row is at or meets in ("Venue", "Site", "Campus", "Venue / Campus",
#: "Meeting place"): part of its address, written first (``_row``). Left out, a social prescribing directory's
#: groups carried only the street of the community centre they meet in, the centre's own, and `lcg duplicates`
#: (which reads a venue in the building an address starts with) merged the centre and its groups; three rows of
#: one college lost the campus that told them apart.
#: Where a row meets or is based, or a company's office ("Meets at", "Venue / base", "Where", "Registered office":
#: an ageing-well trial's "Meets at", an arts trial's "Venue / base" and a skills trial's "Registered office", each
#: holding the building or address, were offered ~ and dropped).
#: An outlet is a body's place of service too ("Outlet / venue": a money trial's advice network's was offered ~).
_VENUE_WORDS = frozenset({"venue", "site", "campus", "meeting place", "meeting venue", "premises", "outlet",
                          "meets at", "meeting at", "held at", "based at", "base", "where", "office"})


def _venue_word(word: str) -> bool:
    """Whether a part of a column's name is a venue's word (``_VENUE_WORDS``), in the plural too ("Venues",
    "Outlets", "Sites", "Campuses"): a list of a body's places names them either way."""
    return word in _VENUE_WORDS or any(word.endswith(end) and word[:-len(end)] in _VENUE_WORDS
                                       for end in ("es", "s"))


def _venue_header(col: str) -> bool:
    """Whether a column's name (lower case) names a venue, whole or each of its parts (``_venue_word``), or a
    venue word after one word saying which ("Contact venue", "Main site", "Training venue": a sports trial's clubs
    list's "Contact venue", "Aspray Arena, Noose Lane", was offered ~); not a web site."""
    parts = [p for p in _REGISTERS_SPLIT.split(col.strip()) if p]
    return bool(parts) and all(_venue_word(p) or len(p.split()) == 2 and _venue_word(p.split()[1])
                               and not _WEB_COLUMN.search(p) for p in parts)


def _synonym(col: str) -> str | None:
    """The field a column's name (lower case) is another word for (``FIELD_SYNONYMS``), or each of its parts is
    ("Also known as / formerly", "AKA / trading as": aliases): a trial's such column was offered ~."""
    if col in FIELD_SYNONYMS:
        return FIELD_SYNONYMS[col]
    found = {FIELD_SYNONYMS.get(p) for p in _REGISTERS_SPLIT.split(col) if p}
    return found.pop() if len(found) == 1 else None


def _in_the_address(reader: _Reader, sheet: str, col: str) -> bool:
    """Whether column ``col`` (lower case) stands between a column of the address and the postcode's, each read so
    by the mapping or its name ("Address", "Area", "Post Code"): a list writes an address across its columns in
    order, street to postcode, so a column between them is a part of it, its locality ("Bilston", "Wednesfield").
    A trial's library list's "Area" was offered ~ while its "Town" was joined into the address."""
    names = reader.in_order.get(sheet, [])
    if col not in names:
        return False
    at = names.index(col)

    def field(name: str) -> str:
        mapped = str(reader.column_map.get(name, name) or "").lower()
        return _synonym(mapped) or mapped

    before = [field(n) for n in names[:at] if n]
    after = [field(n) for n in names[at + 1:] if n]
    return bool(before and after) and before[-1] == "address" and after[0] in ("postcode", "address")


def _yaml_key(col: str) -> str:
    """``col`` as a key a mapping file can hold when pasted: quoted where YAML would read it otherwise."""
    plain = _PLAIN_KEY.fullmatch(col) and col.lower() not in _YAML_WORDS
    return col if plain else json.dumps(col, ensure_ascii=False)


yaml_key = _yaml_key  # (the CLI's notes write mapping lines as the problems' hints do)


def _could_hold(name: str, kind: str, value) -> bool:
    """Whether a column whose first value is ``value`` could be the field ``name`` (of type ``kind``), for a
    did-you-mean: ``sources`` takes keys of sources.yaml, which a list's column does not hold; a URL or an
    org-id field takes only text of its shape."""
    from ..identifiers import is_org_id

    text = str(value)
    if name == "sources":
        return False
    if kind == "url":  # "www.oak.org", "oak.org.uk" too: the import reads it as https://... (``_value``)
        return re.match(r"https?://\S+$", text, re.IGNORECASE) is not None or bool(BARE_WEB_ADDRESS.fullmatch(text))
    if kind == "orgid":
        return all(is_org_id(x.strip()) for x in text.split(LIST_SEPARATOR) if x.strip())
    return True



def _charity_or_company_numbers(col: str, values: list) -> str | None:
    """The field a column holding charity or company numbers, by its values, is offered as, when its name says a
    register's number but for one word: "Registered number", "Reg No", "Reg ID" (no register's word) as Charity
    number, which reads a company's as one; "Reg charity",
    "Registered company", "Co. reg" (no number word: the registration is the number, as in "Reg Charity Number", which
    ``register_of`` reads unasked) as its register's; one register's number beside a status with none, "Charity/CASC
    no." (a Community Amateur Sports Club has no register's number: its cells say "CASC", kept in the note,
    ``_register_cells``), as that register's. A trial's heritage list's "Reg charity" and a sports trial's "Charity/CASC
    no." of charity numbers were offered ~. Its values say it: one at least a number of the register ("Yes"/"No" under
    such a name is none), else nothing is offered."""
    from .org_ids import charity_or_company, register_ids, register_number

    words = re.findall(r"[a-z]+|#", col)
    parts = [p for p in _REGISTERS_SPLIT.split(col) if p]
    tail = " ".join(w for w in re.findall(r"[a-z]+|#", parts[-1]) if w in _NUMBER_WORDS) if parts else ""
    named = {r for p in parts for r in (_register_of_part(p) or _register_of_part(f"{p} {tail}"),) if r}
    registers: tuple[str, ...]
    alone = False  # the register's name alone: "Companies House", "Charity"
    if len(parts) > 1 and len(named) == 1 and named <= {"charityNumber", "companyNumber"}:
        registers = tuple(named)  # "Charity/CASC no.": the one register named; the other part names a status
    elif not _REGISTERED_WORDS.intersection(words) and not _NUMBER_WORDS.intersection(words) \
            and register_of(f"{col} number") in (("charityNumber",), ("companyNumber",)):
        registers, alone = register_of(f"{col} number"), True
    elif not _REGISTERED_WORDS.intersection(words):
        return None
    elif _NUMBER_WORDS.intersection(words) and set(words) <= _REGISTERED_WORDS | _NUMBER_WORDS:
        registers = ("charityNumber",)  # "Reg ID": a charity's or a company's
    elif not _NUMBER_WORDS.intersection(words) and register_of(f"{col} number") in (("charityNumber",),
                                                                                   ("companyNumber",)):
        registers = register_of(f"{col} number")
    else:
        return None

    def fits(value) -> bool:
        text = str(value).strip()
        register = charity_or_company(text, registers)[0]
        return bool(register_ids({register: register_number(text) or text})[0])

    cells = [v for v in values if not is_placeholder(str(v).strip())]
    if not any(map(fits, cells)) or alone and not all(map(fits, cells)):
        return None
    return "Charity number" if registers == ("charityNumber",) else "Company number"


def _figures(values: list) -> bool:
    """Whether a column's cells (but its placeholders) are figures (21500, "12"), one at least: a count (a housing
    list's "Units", its bedspaces), never the name of a part of a body nor of a row. A trial's hint offered "Units:
    unit", naming a row "Wolverhampton Homes (ALMO) - 21500"."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip() and not is_placeholder(str(v))]
    return bool(cells) and all(amount_value(c) is not None for c in cells)


#: The words of a column's name for a registered provider of social housing's number ("RP number", "RP code",
#: "Registered provider no."): "RP" or "registered provider", and a number's word.
_RP_HEADER = re.compile(r"\b(?:rp|rsh|registered\s+providers?)\b")


def _rp_numbers(col: str, values: list) -> bool:
    """Whether a column named for a registered provider's number (``_RP_HEADER`` and a number's word) holds such
    numbers: every cell (but a placeholder, "n/a") the Regulator of Social Housing's ("L4112", "lh0174 "), one at
    least. Offered as "registered provider number", read as org-id.guide's GB-SHPE-L4112: a housing trial's "RP
    number" was offered ~, and its numbers, the strongest evidence that two rows are one provider, were lost."""
    from .org_ids import SHPE_SHAPE

    if not _RP_HEADER.search(col) or not _NUMBER_WORDS.intersection(re.findall(r"[a-z]+|#", col)):
        return False
    cells = [str(v).strip().upper() for v in values if v is not None and not is_placeholder(str(v))]
    return bool(cells) and all(SHPE_SHAPE.fullmatch(c) for c in cells)


#: Words of a column's name that say it holds codes ("F-Code", "Org code", "Practice code", "ODS"): of the NHS's
#: Organisation Data Service when its values have the shape of ODS codes (``org_ids.ODS_SHAPE``).
_CODE_WORDS = frozenset({"code", "codes", "ods"})
def _ods_codes(col: str, values: list) -> bool:
    """Whether a column named for codes ("F-Code", "Practice code") holds NHS ODS codes: every value (but a
    placeholder) of one of their shapes, and one with a digit (a column of "Yes"/"TBC" is none). Offered as "ODS
    code", which reads them as org-ids: a trial's pharmacy list's "F-Code" was offered ~, throwing the codes away."""
    if not _CODE_WORDS.intersection(re.findall(r"[a-z]+", col)):
        return False
    codes = [re.sub(r"\s+", "", str(v)).upper() for v in values if not is_placeholder(str(v))]
    return bool(codes) and all(ODS_SHAPE.fullmatch(c) for c in codes) and any(re.search(r"\d", c) for c in codes)


def _society_by_form(register: str, text: str) -> bool:
    """Whether a cell ``said_org_id`` reads as ``register``'s is a registered society's number by its form,
    Companies House's "IP30877R", "RS007412": a Charity number or Company number column reads it so too
    (``org_ids.charity_or_company``), so it asks for no identifiers column."""
    from ..identifiers import society_number

    return register == "societyNumber" and society_number(text) is not None


def _org_ids_said(values: list) -> bool:
    """Whether a column holds org-ids, some written as their register's word and number ("UKPRN 10007166", "ODS
    RL4"), one of another register than a charity's or a company's (a "Charity number" column reads those, bare too),
    the rest org-ids ("GB-CHC-1139296"), numbers or codes alone: offered as identifiers, which reads the words
    (``_identifier_cells``) and says which numbers name no register. A trial's CRM "Reg ID" column was offered ~."""
    from ..identifiers import is_org_id
    from .org_ids import NHS_SHAPE, said_org_id

    cells = [str(v).strip() for v in values if v is not None and not is_placeholder(str(v))]
    said = {c: found[0] for c in cells if (found := said_org_id(c)) and found[1]}  # "CG-23-001" is a grant's ref
    if not {r for c, r in said.items() if not _society_by_form(r, c)} - {"charityNumber", "companyNumber"}:
        return False  # charities' and companies' alone: a Charity number column reads their bare numbers too
    return all(c in said or is_org_id(c) or NHS_SHAPE.fullmatch(c.upper()) or re.fullmatch(
        r"\d{5,8}", c) for c in cells)


def _ids_of_the_register_named(column: str, values: list) -> bool:
    """Whether every written cell of a column (placeholders aside) is an id of the register the column's name names,
    read as said before it ("ROR ID": 00vtgdb53 is "ROR ID 00vtgdb53", ROR:00vtgdb53: ``org_ids.said_org_id``),
    or an org-id: offered as identifiers, which reads them so (``_identifier_cells``). A research trial's register's
    "ROR ID" column was offered ~, its ids lost."""
    from ..identifiers import is_org_id
    from .org_ids import said_org_id

    bare = [str(v).strip() for v in values if v is not None and not is_placeholder(str(v)) and not is_org_id(v)]
    return bool(bare) and all((found := said_org_id(f"{column} {c}")) is not None and found[1] is not None
                              and found[0] not in _MAPPED_BARE for c in bare)


#: A phone number as lists write it: a "+", "0" or "(" first ("01902 422642", "+44 1902 422642", "(0121) 558 0066"),
#: then digits, spaces and the marks between them; 10 to 15 digits (``_phone_numbers``).
_PHONE_NUMBER = re.compile(r"[+0(][\d\s().-]+")


def _phone_numbers(values: list) -> bool:
    """Whether a column's values (but its placeholders) are phone numbers (``_PHONE_NUMBER``), one at least: offered
    as phone, whatever the column's name. Trials' "Contact no." of a faith forum's list and "Contact" of a warm
    spaces map, every cell "01902 422642", were offered ~, throwing the numbers away. No other value is written so: a
    charity's number has no leading 0 and fewer digits, a postcode letters, a date or an amount fewer digits."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip() and not is_placeholder(str(v))]
    return bool(cells) and all(_PHONE_NUMBER.fullmatch(c) and 10 <= sum(ch.isdigit() for ch in c) <= 15
                               for c in cells)


def _postcodes(values: list) -> bool:
    """Whether most of a column's values (but its placeholders) are full UK postcodes: such a column is the
    postcode whatever its name (a care trial's "Location Postal Code" was offered ~, and its one-go command would
    have dropped every postcode). No other value is written so: a street has words, a phone number no letters."""
    from ..dedup.places import postcode_parts

    cells = [str(v).strip() for v in values if v is not None and str(v).strip() and not is_placeholder(str(v))]
    full = sum(bool((p := postcode_parts(c)) and " " in p[1]) for c in cells)  # ("WS4 1ED"; a ZIP has no space)
    return bool(cells) and 3 * full >= 2 * len(cells)


#: How a column's name ends when it names an area of local government or of a town ("Local Authority", "Area",
#: "Borough", "Location Local Authority"): after no word or one of these (not "Service area", "Area of work").
_AREA_HEADER = re.compile(r"(?:(?:location|local|council|geographic|geographical|home|main|applicant|lead|"
                          r"administrative|admin|la|electoral|housing)\s+)?(?:local authority|authority area|area|"
                          r"borough|district|ward|estate)")


def _place_names(values: list) -> bool:
    """Whether most of a column's values (but its placeholders) are written as places are: a few words each
    written with a capital (or a small joining word: "Stoke on Trent"), no figure and no word of a body ("Walsall",
    "Sandwell", "Brierley Hill", not "Walsall Council", "mental health", "Unit 4")."""
    small = frozenset("on upon in under the and of by le la".split())
    cells = [" ".join(str(v).split()) for v in values
             if v is not None and str(v).strip() and not is_placeholder(str(v))]

    def place(text: str) -> bool:
        words = re.findall(r"[^\W\d_][\w'’.-]*", text)
        return (0 < len(words) <= 4 and not re.search(r"\d", text) and words[0][0].isupper()
                and all(w[0].isupper() or w.casefold() in small for w in words)
                and not any(_body_word(w.casefold()) for w in words))

    return bool(cells) and 5 * sum(place(c) for c in cells) >= 4 * len(cells)


def _the_only_place(reader: _Reader, sheet: str, col: str) -> bool:
    """Whether no other column of the sheet says where its rows are, by its name or its mapping (an address, a
    town, a venue; a postcode names no place a reader knows), but columns naming an area too: then the columns
    naming their area ("Estate", "Ward" of a housing trial's list) are the list's only places, which a hint must not
    drop, joined (``_row``). Beside a town, a borough would only lengthen the address."""
    for name in reader.in_order.get(sheet, []):
        if not name or name == col:
            continue
        mapped = str(reader.column_map.get(name, name) or "").lower()
        if ((_synonym(mapped) or mapped) == "address" or _FIELD_WORDS["address"].search(mapped)
                or _venue_header(mapped)) and not _AREA_HEADER.fullmatch(name):
            return False
    return True


def _a_phone_column(reader: _Reader, sheet: str, col: str) -> bool:
    """Whether the sheet has a phone column other than ``col`` (lower case): mapped to phone, named for one ("Tel",
    "Phone"), or offered as one already; a row keeps one phone, and a second column offered would make the pasted
    command fail ("columns ... are both phone")."""
    if any(f == "phone" for _, f in reader.column_fixes):
        return True
    for name in reader.in_order.get(sheet, []):
        mapped = str(reader.column_map.get(name, name) or "").lower()
        if name != col and (mapped == "phone" or _synonym(mapped) == "phone" or _FIELD_WORDS["phone"].search(mapped)):
            return True
    return False


#: A column's name for what each row's body does ("Service offered", "Services", "What we do", "What they do",
#: "Activities"): its free text is the body's description (``_free_text``).
_SERVICES_HEADER = re.compile(r"(?:services?|activities|activity|what\s+(?:we|they|it)\s+do(?:es)?|offer)"
                              r"(?:\s+(?:offered|provided|delivered|available))?")


def _services_header(col: str) -> bool:
    """Whether a column's name (lower case) names what the rows' bodies do, whole or each of its parts
    (``_SERVICES_HEADER``): a disability trial's "Service / what they do" was offered ~, though "Services" and
    "Service offered" are offered as description."""
    parts = [p for p in _REGISTERS_SPLIT.split(col.strip()) if p]
    return bool(parts) and all(_SERVICES_HEADER.fullmatch(p) for p in parts)


def _free_text(values: list) -> bool:
    """Whether most of a column's values are phrases, not names: a word in small letters that no name writes so
    (``_NAMES_SMALL_WORDS``) after the first ("Move-on support after a positive decision", "Advice, casework,
    ESOL"). A unit's or a kind's name capitalises its words ("Adult Social Care", "Law School")."""
    def phrase(v) -> bool:
        words = str(v).split()[1:]
        return any(w[:1].islower() and w.strip(",;.()").lower() not in _NAMES_SMALL_WORDS for w in words)

    texts = [v for v in values if _has_letters(str(v))]
    return bool(texts) and 2 * sum(map(phrase, texts)) > len(texts)


#: A column's name saying its cells are the row's name as someone wrote it ("Delegate's institution as typed", "Name
#: as entered", "Organisation as given"): other spellings of the body's name, its aliases. A conference trial's was
#: offered as Category ("typed" read as "type"), making every delegate's spelling a kind of body.
_AS_WRITTEN_HEADER = re.compile(r"\bas (?:typed|entered|written|given|spelt|spelled|supplied)\b")


def _unit_header(col: str) -> bool:
    """Whether a column's name (lower case) names the part of an organisation a row is (``_UNIT_WORDS``): each of its
    words one ("Department/Unit", "Dept / Service", "Faculty"), a "School" only beside another ("School /
    Department")."""
    words = re.findall(r"[a-z]+", col)
    return bool(words) and all(w in _UNIT_WORDS or w in ("school", "of", "or", "and") for w in words) and \
        bool(_UNIT_WORDS.intersection(words))


def _kinds_of_bodies(values: list, names: list[str]) -> bool:
    """Whether a column's values say what kind each row's body is rather than which part of it the row is: most of
    its rows hold a value that stands beside three names or more. A kind is shared by many bodies of a list
    ("Scouts", "Cubs", "Youth club" under "1st Penn Scout Group", "2nd Penn Scout Group"...); a part's name belongs
    to its own body ("Law School" of "University of Wolverhampton"), and recurs under other bodies by chance,
    seldom under three. A trial's youth list's "Section" was offered as unit, renaming 19 groups "1st Penn Scout
    Group - Scouts"; its values are the groups' kinds, a Category."""
    beside: dict[str, set[str]] = {}
    for value, name in zip(values, names):
        beside.setdefault(" ".join(str(value).split()).casefold(), set()).add(norm_name(name))
    shared = sum(len(beside.get(" ".join(str(v).split()).casefold(), ())) >= 3 for v in values)
    return bool(values) and 2 * shared > len(values)


def _domains(values: list) -> bool:
    """Whether every cell of a column (but a placeholder) is a bare domain ("wlv.ac.uk", "bclm.com"), none an e-mail
    address: an arts trial's "Contact email domain" was left out as "an e-mail address is a contact detail", though a
    domain names the body's web site, no one's address (offered as website, read https://wlv.ac.uk)."""
    cells = [str(v).strip() for v in values if v is not None and not is_placeholder(str(v))]
    return bool(cells) and all("@" not in c and BARE_WEB_ADDRESS.fullmatch(c) for c in cells)


def _shared_domain(values: list) -> tuple[str, int] | None:
    """The domain of a column of domains (``_domains``) that most rows share, with their count, when two rows or more
    share one: a council's "wolverhampton.gov.uk" beside its gallery, its museum and its festival is the council's
    site, not each one's, and as their website `lcg duplicates` offered "Bantock House" and "Wolverhampton Literature
    Festival" as one body (0.95); a festival and its organiser share theirs. None when each row's domain is its own."""
    counts: dict[str, int] = {}
    for v in values:
        if v is not None and not is_placeholder(str(v)):
            domain = str(v).strip().lower().removeprefix("www.")
            counts[domain] = counts.get(domain, 0) + 1
    top = max(counts, key=counts.__getitem__, default=None)
    return (top, counts[top]) if top is not None and counts[top] > 1 else None


def _cqc_ids(values: list) -> bool:
    """Whether every cell of a column (but a placeholder) is a CQC id ("1-139614022"): offered as the note, since no
    org-id holds one (``_said_ids_said``); a trial's "CQC Location ID" column was offered ~, losing them."""
    from .org_ids import CQC_ID

    cells = [str(v).strip() for v in values if v is not None and not is_placeholder(str(v))]
    return bool(cells) and all(CQC_ID.fullmatch(c) for c in cells)


def _person_header(named: str) -> bool:
    """Whether a column's name (as the sheet writes it) may name people: no detail's word after its last person's
    word ("Contact email", "Lead organisation", "Head office", "Lead partner": ``_DETAIL_HEADER``), though one may be
    before it, saying whose ("Partner lead", "Organisation contact": a trial's "Partner lead" was offered ~); and no
    body named by its initials in it ("UoW PI", "NHS lead": people of another body than the row's, who would be made
    to work for it)."""
    found = list(_PERSON_HEADER.finditer(named.lower()))
    if not found or _DETAIL_HEADER.search(named.lower()[found[-1].end():]):
        return False
    return not [w for w in re.findall(r"[^\W\d_]+", named) if sum(c.isupper() for c in w) > 1
                and w.upper() not in ("PI", "CEO")]


def _a_parent_column(reader: _Reader, sheet: str, col: str) -> bool:
    """Whether the sheet has a column other than ``col`` (lower case) mapped to part_of or offered as it already:
    a hint offers one, since a row is a unit of one body and two columns mapped to part_of are refused ("columns
    'Provider name' and 'Provider ID' are both part_of": a CQC list's hint offered both, and failed when pasted)."""
    if any(f == "part_of" for c, f in reader.column_fixes if c.lower() != col):
        return True
    return any(name != col and str(reader.column_map.get(name, "") or "").lower() == "part_of"
               for name in reader.in_order.get(sheet, []))


#: A column naming the body each row's group or service is run by or is a unit of ("Provider Organisation",
#: "Parent organisation", "Run by", a family hub's "Delivery partner", a venues list's "Operator", a leisure trust or
#: a council), offered as ``part_of`` unless none of its cells names a body (``_no_bodies``: "school", "club run"),
#: or its name says it holds their numbers ("Provider ID", "Parent ref": ``_NUMBER_WORDS``; a CQC list's "Provider
#: ID" was offered part_of beside "Provider name"), or another column is part_of already (``_a_parent_column``).
#: A trust is who runs a school in a list of schools ("Trusts (name)", "Academy trust": a schools trial's column of
#: the trusts was offered ~, losing who runs each academy); a list of trusts names its rows "Trust", the Label. A
#: club's "Host organisation" or "Host" and a hall's "Management Committee" name theirs too (two trials' were ~).
_PARENT_HEADER = re.compile(r"\b(provider|parent|run by|managed by|operated by|operator|delivered by|"
                            r"delivery partner|hosted by|host|management committee|"
                            r"managing (?:body|committee|organi[sz]ation)|trusts?)\b")
#: A column naming the body leading each row: a family hubs list's "Lead organisation" (a council, an NHS trust),
#: offered as ``part_of`` too, unless a row's cell names that row itself: then it is a partnership's lead partner
#: (a KTP list's "Lead organisation" of "Grand Theatre" on the Grand Theatre's row), not a body the rows are units of.
_LEAD_HEADER = re.compile(r"\blead (?:organisation|organization|body|agency)\b")
#: The register's own word for the body a registered setting is run by: Ofsted's (and the CQC's) "Registered person"
#: is in law whoever holds the registration, most often the company or charity running the nursery or home ("Busy
#: Bees Nurseries Limited"), a childminder herself otherwise; "Registered provider" the same. Its name matches the
#: people columns' words, so an early years trial's was offered ~ though its cells named companies: offered as
#: ``part_of`` when its cells read as bodies (``_reads_as_bodies``), as person when they read as people.
_REGISTERED_HEADER = re.compile(r"\bregistered (?:person|provider)\b")
#: A column naming another body the row works for or is paid by, not one it is a unit of: an employment programme's
#: "Prime provider" or "Prime contractor" (the prime a subcontractor delivers for), a consortium's "Lead provider" or
#: "Lead partner", a "Funder", a "Commissioner". A money trial's "Prime provider" was offered part_of, which would
#: make each subcontractor a unit of its prime; such a column is offered as ``note``, the tie kept where a reader
#: sees it.
_OTHER_BODY_HEADER = re.compile(r"\b(?:(?:prime|lead) (?:provider|partner|contractor)s?|funders?|funded by|"
                                r"commissioners?|commissioned by|contract(?:ed)? by|accountable body)\b")


#: A column of remarks: "Notes", "Comments", "Remarks", after one word saying whose ("Officer notes").
_NOTE_HEADER = re.compile(r"(?:[a-z]+\s+)?(?:notes?|comments?|remarks?)")


def _another(reader: _Reader, sheet: str, named: str, field: str) -> bool:
    """Whether a column of the sheet other than ``named`` (as the sheet writes it) is ``field`` already, mapped or
    offered so: a hint offers one column a field a row keeps once (a website)."""
    return field in reader.headers.get(sheet, {}) or any(f == field for c, f in reader.column_fixes if c != named)


def _web_addresses(values: list) -> bool:
    """Whether a column's written cells (placeholders aside), one at least, are all web addresses
    ("facebook.com/WolvesAFVBC", "https://dudleyveteranshub.org.uk")."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip() and not is_placeholder(str(v))]
    return bool(cells) and all(_could_hold("website", "url", c) for c in cells)


def _reads_as_bodies(values) -> bool:
    """Whether most of a column's written cells (placeholders aside) name a body: a word of one in them (a legal form,
    a kind of body, "trust", "committee": ``_body_word``). A column whose name might hold a person or a body
    ("Registered person") is told by its cells, and a person's name has no such word."""
    texts = [" ".join(str(v).split()) for v in values if _has_letters(str(v)) and not _no_one(str(v).strip())]
    bodies = sum(any(_body_word(w) for w in re.findall(r"[^\W\d_]+", t.casefold())) for t in texts)
    return 2 * bodies > len(texts)


def _unknown_column(reader: _Reader, sheet: str, col: str, kind: str) -> str:
    """One line for a column no field of ``kind`` has, on every row it fills, with the mapping line that
    would name its field or leave it out (quoted when YAML needs it: "phone #1")."""
    first, rows, _, value, values = reader.unknown[(sheet, col, kind)]
    fields = [f.name for f in schema.NODE_KINDS[kind].fields if f.name not in ("id", "name")]
    types = {f.name: f.type for f in schema.NODE_KINDS[kind].fields}
    where = _rows_at(sheet, first, rows)
    named = reader.headers.get(sheet, {}).get(col, col)  # as the sheet writes it: "TelephoneNum"
    key = _yaml_key(named)
    could = [f for f in fields if _could_hold(f, types[f], value)]  # "Source" holding file names is no `sources`
    field = _synonym(col) if _synonym(col) in could else None
    if field is None:
        field = _recipient_field(named, fields, could)  # "Recipient Org:Identifier": identifiers
    if field is None and "address" in could and _venue_header(col):
        field = "address"  # the venue's name, written first (``_row``): the building the duplicates check reads
    email = re.search(r"e-?mail", col) is not None
    shared = None  # the domain most rows share, in a column of domains
    if email and "website" in could and re.search(r"\bdomains?\b", col) and _domains(values):
        shared = _shared_domain(values)
        if shared is None:
            email, field = False, "website"  # "Contact email domain": "wlv.ac.uk", each row's own web site
    if field is None and not email and "website" in could and _WEB_COLUMN.search(col) \
            and re.search(r"\bdomains?\b", col) and _domains(values):
        field = "website"  # "Website domain": the row's web site as the list gives it, as a "Website" column's
        # (a libraries trial's was offered ~); an e-mail domain above is a contact's, maybe its parent body's
    if field is None and not email and "website" in could and _WEB_COLUMN.search(col) and _web_addresses(values) \
            and not _another(reader, sheet, named, "website"):
        field = "website"  # "Facebook / web": facebook.com/WolvesAFVBC, bilstonveterans.org.uk (a trial's was ~)
    if email:  # a contact detail: its own field if the kind has one, else left out ("" stops the guesses below)
        field = "email" if "email" in could else ""
    if field is None:  # "TelephoneNum", "SchoolWebsite": the field's word in it
        field = next((f for f, ending in _FIELD_WORDS.items() if f in could and ending.search(col)), None)
    if field is None and "postcode" in could and _postcodes(values) and not any(
            f == "postcode" for c, f in reader.column_fixes if c != named) \
            and "postcode" not in reader.headers.get(sheet, {}):
        field = "postcode"  # "Location Postal Code": "WS4 1ED" (a row keeps one postcode: one column offered so)
    if field is None and "address" in could and _AREA_HEADER.fullmatch(col.strip()) and _place_names(values) \
            and _the_only_place(reader, sheet, col):
        field = "address"  # "Local Authority", "Area": "Sandwell", "Rushall", the only place the list gives
    if field is None and "address" in could and _in_the_address(reader, sheet, col) and not any(
            re.search(r"\d", str(v)) for v in values):  # a locality has no figures: "Unit 4" is the street's
        field = "address"  # "Area" between "Address" and "Post Code": joined in the columns' order
    if field is None and "phone" in could and _phone_numbers(values) and not _a_phone_column(reader, sheet, col):
        field = "phone"  # "Contact no.", "Contact": every cell a phone number
    # (a faith list's "Denomination" or "Faith" is its bodies' kind, as a "Type" or "Sector" is: a faith trial's was
    # offered ~)
    if field is None and "aliases" in could and _AS_WRITTEN_HEADER.search(col):
        field = "aliases"  # "Institution as typed": the row's body as someone else wrote it, another of its names
    if (field is None and "type" in could and re.search(r"type(?!d\b)|category|sector|\bkind\b|denomination|"
                                                         r"\bfaith\b|\breligion\b", col)
            and "category" not in reader.headers.get(sheet, {})
            and not any(f == "Category" for _, f in reader.column_fixes)):  # one column may be the Category
        field = "Category"  # the entry's own type ("Type of organisation": charity, school) is read from Category
    if (field is None and kind in schema.REL_KINDS["WORKS_FOR"].ends
            and (_person_header(named) and _reads_as_people(values)
                 or not _DETAIL_HEADER.search(col) and _peoples_names_header(col)
                 and _reads_as_people(values, strict=True))):
        field = PERSON_COLUMN  # "Main contact", "Focal point", a delegates' "Name" beside their organisation's
    if field is None and col in ("urn", "ukprn") and _URN_VALUE.fullmatch(str(value).strip()):
        field = "school urn" if col == "urn" else "ukprn"  # a register's number, read as an org-id once mapped
    if field is None and "identifiers" in fields and _ods_codes(col, values):
        field = "ODS code"  # read as org-ids, GB-NHS-FA109 (``register_of``)
    if field is None and "identifiers" in fields and _org_ids_said(values):
        field = "identifiers"  # "UKPRN 10007166", "ROR 03angcq70" read as org-ids (``_identifier_cells``)
    if field is None and "identifiers" in fields:
        field = _charity_or_company_numbers(col, values)  # Charity number reads a company's or society's number as one
    if field is None and "identifiers" in fields and _rp_numbers(col, values):
        field = "registered provider number"  # "RP number": L4112, read as GB-SHPE-L4112
    if field is None and "identifiers" in fields and _ids_of_the_register_named(named, values):
        field = "identifiers"  # "ROR ID": 00vtgdb53, read as ROR:00vtgdb53 (``_identifier_cells``)
    if field is None and "note" in fields and _cqc_ids(values) and not any(
            difflib.get_close_matches(c, ["note"], cutoff=0.75) for c in reader.headers.get(sheet, {}) if c != col):
        field = "note"  # the CQC's ids, which no org-id holds (``_said_ids_said``), kept where a reader sees them
    if field is None and "description" in could and _services_header(col) and _free_text(values) \
            and "description" not in reader.headers.get(sheet, {}) \
            and not any(f == "description" for _, f in reader.column_fixes):
        field = "description"  # "Service offered": what the body does, in its words (a trial's was offered ~)
    kinds = _unit_header(col) and _kinds_of_bodies(values, reader.unknown_names.get((sheet, col, kind), []))
    if field is None and kinds and "type" in could and "category" not in reader.headers.get(sheet, {}) \
            and not any(f == "Category" for _, f in reader.column_fixes):
        field = "Category"  # "Section": Scouts, Cubs, Beavers, the kinds of the groups
    if field is None and not kinds and kind == "Organisation" and _unit_header(col) and not _figures(values) \
            and "label" in reader.headers.get(sheet, {}) \
            and not any(f == UNIT_COLUMN for c, f in reader.column_fixes if c != named):
        field = UNIT_COLUMN  # joined to the row's name: "University of Wolverhampton - Law School"
    if field is None and kind == "Organisation" and "note" in could and _OTHER_BODY_HEADER.search(col) \
            and not _NUMBER_WORDS.intersection(re.findall(r"[a-z]+|#", col)):
        field = "note"  # "Prime provider": the body a subcontractor delivers for, not one it is a unit of
    leads = _LEAD_HEADER.search(col) and not any(
        _names_itself(str(v), name) for v, name in zip(values, reader.unknown_names.get((sheet, col, kind), [])))
    registered = _REGISTERED_HEADER.search(col) and _reads_as_bodies(values)  # "Registered person": a company
    if field is None and kind == "Organisation" and (_PARENT_HEADER.search(col) or leads or registered) \
            and not _NUMBER_WORDS.intersection(re.findall(r"[a-z]+|#", col)) and not _a_parent_column(reader, sheet, col) \
            and not _reads_as_people(values, strict=True) and not _lists(values) \
            and len(_no_bodies(values)) < len({" ".join(str(v).split()) for v in values}):  # not all "school"
        field = "part_of"  # "Provider Organisation", "Run by": the body a group is a unit of (``_tie_cells``), not
        # a column of lists ("Schools in trust": "Moseley Park, Coppice, Deansfield"), what a row holds, not one body
    if field is None and "note" in could and _NOTE_HEADER.fullmatch(col.strip()) and not any(
            _NOTE_HEADER.fullmatch(c) for c in reader.in_order.get(sheet, []) if c and c != col) \
            and not _another(reader, sheet, named, "note"):
        field = "note"  # "Comments", "Officer notes": the list's remarks (two trials' were offered ~)
    if field is None:  # close ones only: "notes" for note
        close = difflib.get_close_matches(col, could, n=1, cutoff=0.75)
        field = close[0] if close else None
    if field == "address" and _WEB_COLUMN.search(col):  # "Web address" is close to address: URLs would go there
        field = None
    hint = (f"; make each name in it a person who works for the {kind.lower()} with {key}: {field}"
            if field == PERSON_COLUMN else f"; make each row a unit of the organisation it names with {key}: {field}"
            if field == "part_of" else f"; map it with {key}: {field}" if field else "")
    if field == "Charity number":
        hint += " (a company's number in it is read as one)"
    elsewhere = any(col in h for s, h in reader.headers.items() if s != sheet)  # another sheet may need it
    if field or not elsewhere:
        reader.column_fixes.append((named, field or ""))  # no field: left out (~) by the one-go command
    # the entry's own type is the Category column: a column mapped to "type" would be read as the kind
    shown = ["Category (its type)" if f == "type" else f for f in fields]
    if kind == "Organisation":  # a column of people's names is no field of its, but each a person who works for it
        shown.insert(shown.index("note") if "note" in shown else len(shown), f"{PERSON_COLUMN} (its people's names)")
    if "identifiers" in fields:  # a register's numbers are read as org-ids by these names (``register_of``)
        # and by the one the hint offers ("URN: school urn"), named here too: a SEND trial's hint offered a field
        # the list did not name
        named_too = [field] if field and register_of(field.lower()) and field not in (
            "Charity number", "Company number") else []
        registers = ["Charity number", "Company number", *named_too]
        shown.insert(shown.index("identifiers") + 1,
                     f"{', '.join(registers[:-1])} or {registers[-1]} (read as identifiers)")
    out = f"{where}: unknown column {named!r} for {schema.a_kind(kind)} (expected one of {', '.join(shown)}{hint}"
    if shared is not None:
        domain, count = shared
        return (f"{out}; its cells are web domains, no one's address, but {count} rows share {domain!r}: a parent "
                f"body's site, not each row's (`lcg duplicates` would offer rows of one web site as one body): leave "
                f"it out with {key}: ~ under columns: in a mapping file)")
    if email and not field:
        return (f"{out}; an organisation's e-mail address is a contact detail the graph does not keep: leave it out "
                f"with {key}: ~ under columns: in a mapping file)")
    return f"{out}; or leave it out with {key}: ~ under columns: in a mapping file)"


def _connections(reader: _Reader, rows, by_id, by_label, ties: dict | None = None) -> dict:
    """``ties`` (the ``_tie_cells``'), with the Connections rows' added."""
    ties = {} if ties is None else ties
    for sheet, n, row in rows:
        row = {k.lower(): v for k, v in row.items() if k}
        ends: list = []
        for col in ("from", "to"):
            ref = row.pop(col, None)
            ref = str(ref) if ref is not None else None
            found = ref if ref in by_id else None
            if found is None and ref is not None:
                matches = by_label.get(norm_name(ref), [])
                found = matches[0] if len(matches) == 1 else None
                if len(matches) > 1:
                    reader.problems.append(f"{sheet}:{n}: {col.title()} {ref!r} names {len(matches)} elements "
                                           f"({', '.join(matches)}) (expected an ID)")
                    ends.append(None)
                    continue
            if found is None:
                reader.problems.append(f"{sheet}:{n}: {col.title()} {ref!r} is no element (expected an ID or Label "
                                       "from the elements sheet)")
            ends.append(found)
        text = row.pop("type", None)
        rel = reader.rel(sheet, n, str(text)) if text is not None else None
        if text is None:
            reader.problems.append(f"{sheet}:{n}: no Type (expected a connection type such as PARTNER_IN)")
        if None in ends or rel is None:
            continue
        start, end = by_id[ends[0]], by_id[ends[1]]
        slot = next((s for s in schema.SLOTS if s.rel == rel and s.owner == start["_kind"] and s.outgoing
                     and end["_kind"] in schema.REL_KINDS[rel].ends), None) or \
            next((s for s in schema.SLOTS if s.rel == rel and s.owner == end["_kind"] and not s.outgoing
                  and start["_kind"] in schema.REL_KINDS[rel].starts), None)
        if slot is None:
            reader.problems.append(f"{sheet}:{n}: {rel} cannot go from {schema.a_kind(start['_kind'])} to "
                                   f"{schema.a_kind(end['_kind'])} (expected ends as in docs/data-format.md)")
            continue
        owner, other = (start, end) if slot.outgoing else (end, start)
        fields = {f.name: f for f in schema.REL_KINDS[rel].fields}
        props = {}
        columns = {}
        for given, v in row.items():
            col = TIE_DATE_COLUMNS.get(given, given)
            if v is None:
                continue
            if col not in fields:
                reader.problems.append(f"{sheet}:{n}: unknown column {col!r} for {rel} (expected one of "
                                       f"{', '.join(fields)}{_closest(col, fields)})")
                continue
            props[col] = _value(fields[col], v)
            columns[col] = reader.headers[sheet][given]
        reader.tie_rows.setdefault((owner["id"], slot.key), []).append((sheet, n, columns))
        ties.setdefault((owner["id"], slot.key), []).append({"id": other["id"], **props} if props else other["id"])
    return ties
