#!/usr/bin/env python3
"""Convert the PETRARCH2 / Phoenix dictionaries into the compact tables relgraph draft reads.

Usage: convert.py DICTIONARIES_DIR OUT_DIR
where DICTIONARIES_DIR is petrarch2/data/dictionaries of github.com/openeventdata/petrarch2
(MIT licence). Writes countries.tsv, people.tsv, organisations.tsv, offices.tsv, verbs.tsv.
See README.md beside this script for what each table holds.
"""
import os
import re
import sys

SRC, OUT = sys.argv[1], sys.argv[2]


def words(token):
    """PETRARCH form (UNITED_STATES_) -> words (United States), keeping acronyms upper-case."""
    token = token.strip().rstrip('_').replace('_', ' ').strip()
    token = re.sub(r'\s+', ' ', token)
    out = []
    for w in token.split(' '):
        if re.fullmatch(r"[A-Z]{1,5}", w) and len(token.split(' ')) == 1 and len(w) <= 4:
            out.append(w)  # acronyms such as NATO, AU
        elif re.fullmatch(r"(?:[A-Z]\.)+", w):
            out.append(w)  # U.S., U.N.
        else:
            out.append('-'.join(p[:1].upper() + p[1:].lower() for p in w.split('-')))
    s = ' '.join(out)
    s = re.sub(r"\b(Of|The|And|For|On|In|De|Al|Du|La|Le|Von|Van|Der|Bin|Ibn)\b",
               lambda m: m.group(1).lower() if m.start() > 0 else m.group(1), s)
    s = re.sub(r"'S\b", "'s", s)
    return s


def strip_comment(line):
    return line.split('#', 1)[0].rstrip()


def date(d):
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD (two-digit years: 00-30 are 20xx)."""
    d = d.strip()
    if len(d) == 6:
        y = int(d[:2])
        y += 2000 if y <= 30 else 1900
        return f"{y:04d}-{d[2:4]}-{d[4:6]}"
    if len(d) == 8:
        return f"{d[:4]}-{d[4:6]}-{d[6:8]}"
    return ''


def roles(text):
    """[JPNGOV 060926-070926] [JPNELI] -> [(JPN, GOV, since, until)]"""
    out = []
    for m in re.finditer(r"\[([A-Z~]+)\s*([<>]?[0-9]*)-?([0-9]*)\]", text):
        code, a, b = m.group(1), m.group(2), m.group(3)
        since = until = ''
        if a.startswith('>'):
            since = date(a[1:])
        elif a.startswith('<'):
            until = date(a[1:])
        elif a:
            since, until = date(a), date(b)
        out.append((code, since, until))
    return out


def actor_blocks(path):
    """(head, [synonyms], [codes with dates]) blocks of a .actors file."""
    blocks = []
    cur = None
    for raw in open(path, encoding='utf-8', errors='replace'):
        line = raw.rstrip('\n')
        body = strip_comment(line)
        if not body.strip():
            continue
        if body.startswith('+'):
            if cur:
                cur[1].append(body[1:].strip())
        elif body.startswith('\t') or body.startswith(' ') or body.startswith('['):
            if cur:
                cur[2].extend(roles(body))
        else:
            head = re.split(r"\s*\[", body, 1)[0].strip()
            cur = (head, [], roles(body), 'countryinfo' in line.lower())
            blocks.append(cur)
    return blocks


ORG_WORDS = re.compile(r"(?<![A-Z])(ORGANI[SZ]ATION|UNION|COUNCIL|AGENCY|BANK|FUND|COURT|COMMISSION|COMMITTEE|ASSOCIATION|"
                       r"LEAGUE|FORUM|COMMUNITY|TREATY|ALLIANCE|PROGRAM|PROGRAMME|OFFICE|TRIBUNAL|INSTITUTE|"
                       r"PARLIAMENT|SECRETARIAT|CONFERENCE|PANEL|ASSEMBLY|MISSION|FORCE|GROUP|PARTY|MOVEMENT|"
                       r"FRONT|ARMY|BRIGADE|NATIONS|CORPS|FEDERATION|BUREAU|AUTHORITY|CENTER|CENTRE|PARTNERSHIP|GUARD|GUARDS|COALITION|BRIGADES|ORGANIZATION)S?(?![A-Z])")


# Display names where the dictionary's head form is the long official one.
PREFERRED = {'RUS': 'Russia', 'USA': 'United States', 'GBR': 'United Kingdom', 'PRK': 'North Korea',
             'KOR': 'South Korea', 'IRN': 'Iran', 'SYR': 'Syria', 'CHN': 'China', 'VNM': 'Vietnam',
             'LAO': 'Laos', 'BOL': 'Bolivia', 'TZA': 'Tanzania', 'MDA': 'Moldova', 'VEN': 'Venezuela'}


def main():
    d = SRC
    countries, people, orgs = [], [], []
    for head, syn, codes, person in actor_blocks(os.path.join(d, 'Phoenix.Countries.actors.txt')):
        country_codes = [c for c, _, _ in codes if len(c) == 3]
        if country_codes and not person and len(syn) >= 2:
            country_codes = [country_codes[-1]]
            forms = []
            for s in [head] + syn:
                w = words(s)
                if w and w not in forms and (len(w) > 2 or w.isupper()):
                    forms.append(w)
            name = PREFERRED.get(country_codes[0], forms[0])
            countries.append((country_codes[0], name, [f for f in forms if f != name]))
        elif codes and len(codes[0][0]) >= 3:
            people_or_org(head, syn, codes, people, orgs)
    for name in ('Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'):
        non_state = 'MilNonState' in name
        for head, syn, codes, _ in actor_blocks(os.path.join(d, name)):
            if codes:
                people_or_org(head, syn, codes, people, orgs, non_state)
    with open(os.path.join(OUT, 'countries.tsv'), 'w') as f:
        f.write('# code\tname\tother forms (adjectives, demonyms, other names, cities and regions), |-separated\n')
        # Several blocks can carry one code (a state and its former parts): keep the fullest.
        best = {}
        for code, name, forms in countries:
            if code not in best or len(forms) > len(best[code][1]):
                best[code] = (name, forms)
        for code, name, forms in countries:
            if code in best:
                name, forms = best.pop(code)
                f.write(f"{code}\t{name}\t{'|'.join(forms)}\n")
    with open(os.path.join(OUT, 'people.tsv'), 'w') as f:
        f.write('# name\tcode of the latest role\trole terms (CODE:since:until, ;-separated)\taliases, |-separated\n')
        seen = set()
        for name, terms, aliases in people:
            if name in seen or len(name.split()) < 2:
                continue
            seen.add(name)
            code = terms[-1][0]
            t = ';'.join(f"{c}:{s}:{u}" for c, s, u in terms if s or u)
            f.write(f"{name}\t{code}\t{t}\t{'|'.join(aliases)}\n")
    with open(os.path.join(OUT, 'organisations.tsv'), 'w') as f:
        f.write('# name\tcode\taliases, |-separated\n')
        seen = set()
        for name, code, aliases in orgs:
            if name in seen:
                continue
            seen.add(name)
            f.write(f"{name}\t{code}\t{'|'.join(aliases)}\n")
    offices()
    verbs()


def people_or_org(head, syn, codes, people, orgs, non_state=False):
    dated = any(s or u for _, s, u in codes)
    code = codes[0][0]
    is_org = bool(ORG_WORDS.search(head + '_')) or (re.fullmatch(r"[A-Z.]{2,6}_?", head) is not None)
    # Undated blocks of the non-state file are groups (Hezbollah, Taliban, Al-Shabaab) unless
    # the head ends in a double underscore, which that file uses for single-named people;
    # undated intergovernmental blocks (IGO codes: Interpol, UNESCAP) are bodies whatever
    # their name.
    is_org = is_org or (non_state and not head.endswith('__')) or code.startswith('IGO')
    names = [words(head)] + [words(s) for s in syn]
    names = [n for n in dict.fromkeys(names) if n]
    if is_org and not dated:
        # A one-word name is often written as an acronym (UNESCO, UNICEF): both forms.
        for n in list(names):
            if ' ' not in n and n.isalpha() and 3 <= len(n) <= 8 and n.upper() not in names:
                names.append(n.upper())
        # "al-Shabab" inside a sentence: the article in lower case too.
        for n in list(names):
            for art in ('Al-', 'Al '):
                if n.startswith(art) and 'a' + n[1:] not in names:
                    names.append('a' + n[1:])
        orgs.append((names[0], code, names[1:]))
    elif dated or len(names[0].split()) in (2, 3, 4):
        names = whole_first_name(names)
        # aliases that are just the person's name with a title are kept as they are
        people.append((names[0], [(c, s, u) for c, s, u in codes], names[1:]))


def whole_first_name(names):
    """Names with the head first, unless the head's first name is cut short (DMITR_MEDVEDEV
    beside DMITRI_MEDVEDEV, DMITRI_ANATOLYEVICH_MEDVEDEV …): then the alias that spells it
    out, with the same other words, leads, as most of the person's names write it."""
    head = names[0].split()
    firsts = {}
    for n in names:
        if len(n.split()) > 1:
            firsts[n.split()[0]] = firsts.get(n.split()[0], 0) + 1
    for i, n in enumerate(names[1:], 1):
        w = n.split()
        if (len(w) == len(head) and w[1:] == head[1:] and w[0] != head[0] and w[0].startswith(head[0])
                and firsts[w[0]] > firsts[head[0]]):
            return [n] + names[:i] + names[i + 1:]
    return names


def offices():
    out = []
    for raw in open(os.path.join(SRC, 'Phoenix.agents.txt'), encoding='utf-8', errors='replace'):
        body = strip_comment(raw).strip()
        m = re.match(r"([A-Z_\-']+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]", body)
        if not m:
            continue
        name, code = m.group(1).rstrip('_'), m.group(2)
        if code.startswith(('GOV', 'ELI', 'MIL', 'LEG', 'JUD', 'SPY', 'COP')) and '!' not in name:
            out.append((name.replace('_', ' ').lower(), code))
    with open(os.path.join(OUT, 'offices.tsv'), 'w') as f:
        f.write('# office (lower case)\tCAMEO agent code\n')
        for name, code in sorted(set(out)):
            f.write(f"{name}\t{code}\n")


def inflect(lemma):
    w = lemma
    if w.endswith('e'):
        return [w + 's', w + 'd', w[:-1] + 'ing']
    if w.endswith('y') and len(w) > 2 and w[-2] not in 'aeiou':
        return [w[:-1] + 'ies', w[:-1] + 'ied', w + 'ing']
    if w.endswith(('s', 'sh', 'ch', 'x', 'z')):
        return [w + 'es', w + 'ed', w + 'ing']
    return [w + 's', w + 'ed', w + 'ing']


def verbs():
    rows = {}
    block_code = None
    lines = open(os.path.join(SRC, 'CAMEO.2.0.txt'), encoding='utf-8', errors='replace').read().split('\n')
    # A block without a code of its own ([---]) takes the root code most of its patterns use.
    fallback = {}
    current = None
    for raw in lines:
        m = re.match(r"---\s+(\S+)\s+\[---\]", raw)
        if m:
            current = m.group(1)
            fallback[current] = []
        elif raw.startswith('---'):
            current = None
        elif current and raw.startswith('-'):
            c = re.search(r"\[([0-9]{2,4})", raw)
            if c:
                fallback[current].append(c.group(1)[:2])
    for raw in lines:
        line = strip_comment(raw).rstrip()
        m = re.match(r"---\s+(\S+)\s+\[([0-9-]+)[^\]]*\]\s+---", line)
        if m:
            if m.group(2) != '---':
                block_code = m.group(2)
            else:
                codes = fallback.get(m.group(1), [])
                # On a tie, the code met first: the same table on every run.
                block_code = max(dict.fromkeys(codes), key=codes.count) if codes else None
            continue
        if not line or line.startswith(('-', '~', '&', '=')) or line.startswith(' '):
            continue
        m = re.match(r"(\+?)([A-Z_']+)\s*(\{[^}]*\})?\s*(?:\[([0-9]+)[^\]]*\])?", line)
        if not m:
            continue
        plus, lemma, forms, code = m.groups()
        code = code or block_code
        if not code or len(lemma) < 3:
            continue
        phrase = lemma.replace('_', ' ').lower()
        if forms:
            fs = [f.lstrip('+').replace('_', ' ').lower() for f in forms.strip('{} ').split()]
        elif ' ' in phrase:
            head, rest = phrase.split(' ', 1)
            fs = [f + ' ' + rest for f in inflect(head)]
        else:
            fs = inflect(phrase)
        for form in [phrase] + fs:
            rows.setdefault(form, code)
    with open(os.path.join(OUT, 'verbs.tsv'), 'w') as f:
        f.write('# verb form (lower case)\tCAMEO event code\n')
        for form in sorted(rows):
            f.write(f"{form}\t{rows[form]}\n")


main()
