#!/usr/bin/env python3
"""Differential parse check: does each file parse in Python's Jinja2 (configured as dbt
configures it) and in dbtls? Prints the counts and every file where the two disagree.

  jinja_parse_diff.py DIR...        compare every .sql file and every .md file with a docs block
  jinja_parse_diff.py --jinja2      read a JSON list of templates on stdin, print a JSON list of
                                    Jinja2's answers (null = parses, else the error), for tests

Jinja2 is set up as dbt sets it up: the `do` and `loopcontrols` extensions, plus dbt's own block
tags (materialization, test, docs, snapshot) as a small extension that parses their bodies. The
dbtls side is `dbtls parse-check`, which parses each file whole with our scanner and our engine.
"""
import json
import os
import subprocess
import sys

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension


class DbtBlocks(Extension):
    """dbt's block tags: a header up to %}, then a body parsed as Jinja up to the end tag."""
    tags = {'materialization', 'test', 'docs', 'snapshot'}

    def parse(self, parser):
        tag = next(parser.stream)
        while parser.stream.current.type not in ('block_end', 'eof'):
            next(parser.stream)
        parser.parse_statements(('name:end' + tag.value,), drop_needle=True)
        return nodes.Output([], lineno=tag.lineno)


ENV = jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols', DbtBlocks])
SKIP_DIRS = {'.git', 'target', 'dbt_packages', 'dbt_modules', 'node_modules', 'logs'}


def jinja2_error(text):
    """None when Jinja2 parses the text, else 'line N: message'."""
    try:
        ENV.parse(text)
        return None
    except jinja2.TemplateSyntaxError as e:
        return 'line %s: %s' % (e.lineno, e.message)
    except Exception as e:  # noqa: BLE001 - any failure to parse counts as not parsed
        return '%s: %s' % (type(e).__name__, e)


def files_under(dirs):
    out = []
    for d in dirs:
        for root, subdirs, names in os.walk(d):
            subdirs[:] = sorted(s for s in subdirs if s not in SKIP_DIRS)
            for n in sorted(names):
                p = os.path.join(root, n)
                if n.endswith('.sql'):
                    out.append(p)
                elif n.endswith('.md'):
                    with open(p, encoding='utf-8', errors='replace') as f:
                        text = f.read()
                    if '{% docs' in text or '{%- docs' in text:
                        out.append(p)
    return out


def dbtls_answers(files):
    here = os.path.dirname(os.path.abspath(__file__))
    dbtls = os.environ.get('DBTLS', os.path.join(here, '..', 'dbtls'))
    p = subprocess.run([dbtls, 'parse-check'], input='\n'.join(files).encode('utf-8'),
                       stdout=subprocess.PIPE, check=True)
    answers = {}
    for line in p.stdout.decode('utf-8').splitlines():
        path, _, answer = line.partition('\t')
        answers[path] = None if answer == 'ok' else answer
    return answers


def main(argv):
    if argv[:1] == ['--jinja2']:
        templates = json.loads(sys.stdin.buffer.read().decode('utf-8'))
        sys.stdout.write(json.dumps([jinja2_error(t) for t in templates]))
        return 0
    if not argv or argv[0] in ('-h', '--help'):
        print(__doc__, file=sys.stderr)
        return 2
    files = files_under(argv)
    ours = dbtls_answers(files)
    theirs = {}
    for f in files:
        with open(f, encoding='utf-8', errors='replace') as fh:
            theirs[f] = jinja2_error(fh.read())
    j_ok = [f for f in files if theirs[f] is None]
    o_ok = [f for f in files if ours.get(f, 'missing') is None]
    only_j = [f for f in j_ok if ours.get(f, 'missing') is not None]
    only_o = [f for f in o_ok if theirs[f] is not None]
    n = max(1, len(files))
    print('files:            %d' % len(files))
    print('parsed by Jinja2: %d (%.1f%%)' % (len(j_ok), 100.0 * len(j_ok) / n))
    print('parsed by dbtls:  %d (%.1f%%)' % (len(o_ok), 100.0 * len(o_ok) / n))
    print('both:             %d' % (len(j_ok) - len(only_j)))
    print('only Jinja2:      %d' % len(only_j))
    for f in only_j:
        print('  %s:%s' % (f, ours.get(f)))
    print('only dbtls:       %d' % len(only_o))
    for f in only_o:
        print('  %s: Jinja2 says %s' % (f, theirs[f]))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
