package dev.dbtls.jinja;

import java.util.List;

/** One-construct templates rendered by both engines; the first 66 mirror jinja_probes.py. */
final class JinjaProbes {
  private JinjaProbes() {}

  record Probe(String id, String template) {}

  static final List<Probe> ALL =
      List.of(
          new Probe("ternary", "{{ 'a' if x > 1 else 'b' }}"),
          new Probe("ternary_noelse", "[{{ 'a' if x > 10 }}]"),
          new Probe("is_none", "{{ n is none }} {{ x is not none }}"),
          new Probe("py_literals", "{{ True }} {{ False }} {{ None }}"),
          new Probe(
              "py_literals_logic",
              "{% if True %}T{% endif %}{% if not False %}F{% endif %}{% if None %}N{% endif %}"),
          new Probe(
              "do_append",
              "{% set l2 = [] %}{% do l2.append(1) %}{% do l2.append('b') %}{{ l2 | length }}{{ l2[1] }}"),
          new Probe(
              "call_caller",
              "{% macro wrap() %}[{{ caller() }}]{% endmacro %}{% call wrap() %}body{% endcall %}"),
          new Probe(
              "call_caller_args",
              "{% macro wrap() %}[{{ caller(7) }}]{% endmacro %}{% call(v) wrap() %}v={{ v }}{% endcall %}"),
          new Probe("block_set", "{% set q %}select {{ x }}{% endset %}<{{ q }}>"),
          new Probe("raw", "{% raw %}{{ not_rendered }}{% endraw %}"),
          new Probe(
              "str_methods",
              "{{ s.strip() }}|{{ s.upper() }}|{{ s.lower() }}|{{ 'a,b'.split(',') | length }}|{{ 'abc'.replace('b','x') }}|{{ 'abc'.startswith('a') }}"),
          new Probe("str_format", "{{ '{}-{}'.format(1, 2) }}"),
          new Probe("str_join_method", "{{ ', '.join(['a','b']) }}"),
          new Probe("dict_items", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}"),
          new Probe("dict_get_default", "{{ d.get('zz', 'def') }} {{ d.get('a') }}"),
          new Probe("dict_keys", "{{ d.keys() | list | join(',') }}"),
          new Probe("dict_update", "{% set dd = {} %}{% do dd.update({'k': 1}) %}{{ dd['k'] }}"),
          new Probe(
              "dict_non_string_keys",
              "{% set dd = {} %}{% do dd.update({1: 'a', (2, 3): 'b'}) %}{{ dd[1] }}{{ dd[(2, 3)] }}{{ dd.get(1) }}{{ 1 in dd }}{{ dd | length }}"),
          new Probe(
              "dict_int_key_literal",
              "{% set dd = {1: 'x', 'k': 'y'} %}{{ dd[1] }}{{ dd['k'] }}{{ dd.k }}"),
          new Probe(
              "bracket_call_once",
              "{% set l2 = [] %}{{ (l2.append(1) or {'a': 1})['a'] }}{{ l2 | length }}"),
          new Probe(
              "namespace",
              "{% set ns = namespace(total=0) %}{% for i in l %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}"),
          new Probe(
              "loop_vars",
              "{% for i in l %}{{ loop.index }}{{ loop.first }}{{ loop.last }}{% if not loop.last %},{% endif %}{% endfor %}"),
          new Probe(
              "loop_index0_length",
              "{% for i in l %}{{ loop.index0 }}/{{ loop.length }} {% endfor %}"),
          new Probe(
              "literals",
              "{% set dd = {'a': [1, 2], 'b': {'c': 3}} %}{{ dd['a'][1] }}{{ dd.b.c }}"),
          new Probe("tilde", "{{ 'a' ~ x ~ n }}"),
          new Probe("filter_map_join", "{{ rows | map(attribute='name') | join(',') }}"),
          new Probe(
              "filter_selectattr",
              "{{ rows | selectattr('v', 'equalto', 2) | map(attribute='name') | list | join(',') }}"),
          new Probe(
              "filter_misc",
              "{{ [3,1,2] | sort | join('') }}{{ ['a','a','b'] | unique | list | length }}{{ 'Ab' | lower }}{{ ' x ' | trim }}{{ none_var | default('d') }}{{ l | first }}{{ l | last }}"),
          new Probe("filter_replace_lower", "{{ 'A-B' | replace('-', '_') | lower }}"),
          new Probe("filter_tojson", "{{ d | tojson }}"),
          new Probe(
              "filter_int_round", "{{ 3.7 | int }} {{ 2.567 | round(2) }} {{ '5' | int + 1 }}"),
          new Probe(
              "kwargs_varargs",
              "{% macro m(a) %}{{ a }}|{{ varargs | length }}|{{ kwargs['b'] }}{% endmacro %}{{ m(1, 2, 3, b=4) }}"),
          new Probe(
              "macro_defaults",
              "{% macro m(a, b='x,y', c=[1,2]) %}{{ a }}{{ b }}{{ c | length }}{% endmacro %}{{ m(1) }}"),
          new Probe(
              "macro_kwargs_call",
              "{% macro m(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(b=3, a=1) }}"),
          new Probe("ws_control", "a  {%- if true -%}  b  {%- endif -%}  c"),
          new Probe("ws_comment", "a  {#- c -#}  b  {#- c #} d\n  e"),
          new Probe("ws_expr", "a  {{- x -}}  b"),
          new Probe("ws_expr_left", "a  {{- x }}  b"),
          new Probe("ws_expr_right", "a  {{ x -}}  b"),
          new Probe("ws_tag_left", "a  {%- if true %}  b  {% endif %}  c"),
          new Probe("ws_comment_left", "a\n  {#- c #}\n  b {{ x }}"),
          new Probe("call_chain", "{{ getf()(3) }}"),
          new Probe("method_named_args", "{{ obj.fmt(a=1, b=2) }}"),
          new Probe("slicing", "{{ l[1:] | join(',') }}{{ l[:-1] | join(',') }}{{ 'hello'[1:3] }}"),
          new Probe("tuple_in", "{{ x in (1, 5) }} {{ 'a' in ('a', 'b') }}"),
          new Probe("not_in", "{{ 7 not in l }}"),
          new Probe("in_list", "{{ 2 in l }} {{ 'el' in 'hello' }}"),
          new Probe("arith", "{{ 2 ** 3 }} {{ 7 // 2 }} {{ 7 / 2 }} {{ 7 % 3 }}"),
          new Probe("percent_format", "{{ '%s-%s' % (1, 2) }}"),
          new Probe("string_multiply", "{{ '-' * 3 }}"),
          new Probe("list_concat", "{{ ([1] + [2]) | length }}"),
          new Probe("trailing_colon", "{% if x: %}yes{% endif %}"),
          new Probe("implicit_concat", "{{ 'a' 'b' }}"),
          new Probe(
              "trailing_comma",
              "{% macro m2(a, b) %}{{ a + b }}{% endmacro %}{{ [1, 2,] | length }}{{ m2(1, 2,) }}"),
          new Probe("regex_escape", "{{ '\\d+' }}"),
          new Probe(
              "tests_misc",
              "{{ s is string }} {{ d is mapping }} {{ l is iterable }} {{ undefined_var is defined }} {{ x is number }}"),
          new Probe("set_unpack", "{% set a, b = [1, 2] %}{{ a }}{{ b }}"),
          new Probe("set_unpack_call", "{% set a, b = getpair() %}{{ a }}{{ b }}"),
          new Probe(
              "range",
              "{% for i in range(3) %}{{ i }}{% endfor %}{% for i in range(1, 4) %}{{ i }}{% endfor %}"),
          new Probe("for_else", "{% for i in [] %}x{% else %}empty{% endfor %}"),
          new Probe(
              "loop_break",
              "{% for i in l %}{% if i == 2 %}{% break %}{% endif %}{{ i }}{% endfor %}"),
          new Probe("for_filter", "{% for i in l if i > 1 %}{{ i }}{% endfor %}"),
          new Probe(
              "truthiness",
              "{% if [] %}a{% endif %}{% if l %}b{% endif %}{% if '' %}c{% endif %}{% if d %}e{% endif %}{% if 0 %}f{% endif %}"),
          new Probe("render_values", "{{ l }} {{ d }} {{ n }} {{ True }} {{ 1.0 }}"),
          new Probe("string_index_len", "{{ 'abc'[0] }}{{ 'abc' | length }}{{ l | length }}"),
          new Probe("elif", "{% if x == 1 %}a{% elif x == 5 %}b{% else %}c{% endif %}"),
          new Probe("attr_vs_item", "{{ d.a }} {{ d['a'] }}"),
          new Probe(
              "loop_scoping",
              "{% set c = 0 %}{% for i in l %}{% set c = c + i %}{% endfor %}{{ c }}"),
          new Probe("nested_interp", "{{ tmpl }}"),
          new Probe("kw_method_call", "{{ obj.fmt(1, b=2) }}"),
          new Probe("call_chain_kw", "{{ getf()(a=4) }}"),
          new Probe("ternary_nested", "{{ 'a' if x > 9 else 'b' if x > 4 else 'c' }}"),
          new Probe("not_precedence", "{{ not x == 5 }} {{ not n is none }}"),
          new Probe(
              "splat",
              "{% macro m(a, b) %}{{ a }}{{ b }}{% endmacro %}{{ m(*[1, 2]) }}{{ m(**{'a': 3, 'b': 4}) }}"),
          new Probe("tuple_print", "{{ (1, 'a') }}"),
          new Probe("tuple_single", "{{ (1,) }}"),
          new Probe("neg_index", "{{ l[-1] }}{{ 'abc'[-1] }}"),
          new Probe("slice_step", "{{ l[::-1] | join(',') }}"),
          new Probe("set_ns_attr", "{% set ns = namespace(a=1) %}{% set ns.a = 5 %}{{ ns.a }}"),
          new Probe("none_printing", "{{ [None, True, 'x'] }} {{ {'k': None} }}"),
          new Probe("undefined_print", "[{{ nope }}]"),
          new Probe("undefined_attr", "[{{ d.zz }}]"),
          new Probe("none_default", "{{ n | default('d') }} {{ nope | default('d') }}"),
          new Probe("default_bool", "{{ '' | default('d', true) }}"),
          new Probe(
              "is_defined_none", "{{ n is defined }} {{ nope is defined }} {{ nope is none }}"),
          new Probe(
              "loop_continue",
              "{% for i in l %}{% if i == 2 %}{% continue %}{% endif %}{{ i }}{% endfor %}"),
          new Probe(
              "for_filter_loop",
              "{% for i in l if i != 2 %}{{ loop.index }}/{{ loop.length }};{% endfor %}"),
          new Probe("for_else_nonempty", "{% for i in l %}{{ i }}{% else %}empty{% endfor %}"),
          new Probe(
              "for_tuple_unpack", "{% for a, b in [(1, 2), (3, 4)] %}{{ a + b }};{% endfor %}"),
          new Probe(
              "macro_caller_kwargs",
              "{% macro m(a=1) %}{{ a }}{{ kwargs | length }}{{ varargs | length }}{% endmacro %}{{ m() }}"),
          new Probe(
              "macro_default_expr", "{% macro m(a, b=a ~ '!') %}{{ b }}{% endmacro %}{{ m('x') }}"),
          new Probe(
              "str_methods2",
              "{{ 'a-b-c'.split('-', 1) }} {{ 'xxhixx'.strip('x') }} {{ 'ab'.endswith(('x', 'b')) }} {{ 'Hi There'.title() }}"),
          new Probe(
              "str_format_named", "{{ '{a}+{b}'.format(a=1, b=2) }} {{ '{0}{0}'.format('z') }}"),
          new Probe(
              "list_methods",
              "{% set xs = [3] %}{% do xs.extend([4, 5]) %}{% do xs.insert(0, 1) %}{{ xs.pop() }}{{ xs }}{{ xs.index(3) }}"),
          new Probe(
              "dict_methods2",
              "{% set dd = {'a': 1} %}{{ dd.pop('a') }}{{ dd }}{{ dd.setdefault('b', 2) }}{{ dd.values() | list }}{{ dd.items() | list }}"),
          new Probe("dict_iteration", "{% for k in d %}{{ k }}{% endfor %}"),
          new Probe(
              "filters_select",
              "{{ l | select('odd') | list }} {{ l | reject('odd') | list }} {{ rows | rejectattr('v', 'equalto', 1) | map(attribute='name') | list }}"),
          new Probe("filter_upper_trim", "{{ ' ab ' | upper | trim }}"),
          new Probe(
              "filter_trim_chars",
              "{{ \"'|'\" | trim(\"'\") }}{{ 'xxaxbxx' | trim('x') }}[{{ ' a ' | trim(none) }}]"),
          new Probe("filter_float_string", "{{ '2.5' | float }} {{ 3 | string }} {{ 1 | float }}"),
          new Probe("filter_indent", "{{ 'a\nb' | indent(2) }}"),
          new Probe(
              "filter_sort_attr",
              "{{ rows | sort(attribute='v', reverse=true) | map(attribute='name') | join }}"),
          new Probe("filter_list_string", "{{ 'ab' | list }}"),
          new Probe("filter_length_dict", "{{ d | length }} {{ '' | length }}"),
          new Probe(
              "tests_more",
              "{{ 1 is number }} {{ 'x' is number }} {{ [1] is string }} {{ 'x' is iterable }}"),
          new Probe("comparisons", "{{ 1 < 2 < 3 }} {{ 'a' == 'a' }} {{ 1 != 1 }}"),
          new Probe("int_division", "{{ 4 / 2 }} {{ 2 * 1.5 }} {{ 10 // 3 }} {{ -7 // 2 }}"),
          new Probe("float_print", "{{ 0.1 + 0.2 }} {{ 1e3 }} {{ 2.0 * 2 }}"),
          new Probe("string_escapes", "{{ 'a\\'b' }} {{ \"q\\\"q\" }} {{ 'tab\\there' }}"),
          new Probe("in_dict", "{{ 'a' in d }} {{ 'z' in d }}"),
          new Probe("dict_literal_trailing", "{{ {'a': 1,}['a'] }}"),
          new Probe("block_set_trim", "{%- set q -%}  x  {%- endset -%}[{{ q }}]"),
          new Probe("ws_for_trim", "{% for i in l -%}\n  {{ i }}\n{%- endfor %}"),
          new Probe(
              "nested_macro_calls",
              "{% macro a(x) %}<{{ x }}>{% endmacro %}{% macro b(y) %}{{ a(y ~ y) }}{% endmacro %}{{ b('z') }}"),
          new Probe(
              "call_block_nested_args",
              "{% macro m(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(it) m([1, 2]) %}[{{ it }}]{% endcall %}"),
          new Probe("if_expression_colon_elif", "{% if x == 1: %}a{% elif x == 5: %}b{% endif %}"),
          new Probe("keyword_attr", "{{ rows[0].name }}"),
          new Probe("concat_list", "{{ [1] + [2, 3] }}"),
          new Probe("string_compare_number", "{{ '1' ~ 1 }}"),
          new Probe("tojson_function", "{{ tojson({'b': 1, 'a': [True, None]}) }}"),
          new Probe("map_filter_lower", "{{ ['A', 'B'] | map('lower') | join(',') }}"),
          new Probe("bool_ops", "{{ true and 0 }} {{ 0 or 'x' }} {{ none or [] }}"),
          new Probe(
              "loop_nested",
              "{% for i in [1, 2] %}{% for j in [3] %}{{ loop.index }}{{ i }}{{ j }}{% endfor %}{% endfor %}"),
          new Probe("set_in_if_leaks", "{% if true %}{% set v = 1 %}{% endif %}{{ v }}"),
          new Probe("raw_with_ws", "{%- raw -%} {{ x }} {%- endraw -%}"),
          new Probe("list_in_string_join", "{{ ['a', 1, None] | join('-') }}"),
          new Probe("upper_method_on_var", "{{ s.upper().strip().lower() }}"),
          new Probe("replace_count", "{{ 'aaa'.replace('a', 'b') }}"),
          new Probe("dict_get_none", "{{ d.get('zz') }}"),
          new Probe("trailing_newline", "a\n{% if true %}b{% endif %}\n"),
          new Probe("crlf_newlines", "a\r\nb\r\n\r\n"),
          new Probe(
              "percent_float",
              "{{ '%.2f' % 3.14159 }} {{ '%5d|' % 42 }} {{ '%s=%r' % ('a', 'b') }}"),
          new Probe("format_spec", "{{ '{:.2f}'.format(3.14159) }} {{ '{:>4}'.format('x') }}"),
          new Probe(
              "filter_sum_max_min", "{{ l | sum }} {{ l | max }} {{ l | min }} {{ -3 | abs }}"),
          new Probe(
              "filter_dictsort",
              "{% for k, v in {'b': 1, 'a': 2} | dictsort %}{{ k }}{{ v }}{% endfor %}"),
          new Probe("filter_reverse", "{{ l | reverse | list }} {{ 'abc' | reverse }}"),
          new Probe(
              "filter_map_string",
              "{{ l | map('string') | join(',') }} {{ rows | map(attribute='v') | sum }}"),
          new Probe("filter_batch", "{{ l | batch(2) | list }}"),
          new Probe(
              "filter_groupby",
              "{% for g in rows | groupby('v') %}{{ g.grouper }}:{{ g.list | length }};{% endfor %}"),
          new Probe(
              "filter_select_equalto", "{{ l | select('equalto', 2) | list }} {{ [] | first }}|"),
          new Probe("filter_block", "{% filter upper %}abc{{ x }}{% endfilter %}"),
          new Probe(
              "filter_round_modes",
              "{{ 2.5 | round }} {{ 3.14159 | round(3) }} {{ 2.7 | round(0, 'floor') }}"),
          new Probe(
              "filter_title_capitalize", "{{ 'hello world' | title }} {{ 'hELLO' | capitalize }}"),
          new Probe("filter_wordcount_center", "{{ 'a b c' | wordcount }}"),
          new Probe("filter_items", "{{ d | items | list }}"),
          new Probe("filter_dict_list", "{{ d | list }}"),
          new Probe("filter_default_none", "{{ n | default(none) }} {{ nope | default(none) }}"),
          new Probe(
              "division_floats",
              "{{ 10 / 4 }} {{ 10 / 5 }} {{ 2 ** 0.5 }} {{ 1 == 1.0 }} {{ 3 // 2 * 2 }} {{ -x }}"),
          new Probe("concat_bool", "{{ 'a' ~ 1 ~ True ~ 1.5 }}"),
          new Probe(
              "macro_sees_template_vars",
              "{% set a = 1 %}{% macro m() %}{{ a }}{% endmacro %}{{ m() }}"),
          new Probe(
              "macro_recursion",
              "{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}"),
          new Probe("macro_ws_trim", "{% macro m() -%}\n  x\n{%- endmacro %}[{{ m() }}]"),
          new Probe("tuple_index", "{{ (1, 2)[0] }} {{ l[0] if l else none }}"),
          new Probe("is_divisibleby", "{{ x is divisibleby 5 }} {{ x is odd }} {{ x is even }}"),
          new Probe(
              "is_not_defined_attr",
              "{{ d.a is defined }} {% if d.zz is not defined %}nz{% endif %}"),
          new Probe("quote_in_string", "{{ \"it's\" }} {{ 'say \"hi\"' }}"),
          new Probe("split_print", "{{ 'abc'.split('b') }} {{ ' a  b '.split() }}"),
          new Probe("in_operator_misc", "{{ 'X'.lower() in ['x'] }} {{ 1 in d.values() | list }}"),
          new Probe("filter_precedence", "{{ 'a' | upper if true }} {{ 1 + l | length }}"),
          new Probe(
              "loop_revindex_cycle",
              "{% for i in l %}{{ loop.revindex }}{{ loop.cycle('a', 'b') }}{% endfor %}"),
          new Probe("loop_previtem", "{% for i in l %}{{ loop.previtem is defined }}{% endfor %}"),
          new Probe(
              "set_multiple_statements",
              "{% set a = 1 %}{% set b = a + 1 %}{% set a = b * 10 %}{{ a }}"),
          new Probe(
              "dict_in_loop_modify",
              "{% set out = {} %}{% for r in rows %}{% do out.update({r.name: r.v}) %}{% endfor %}{{ out }}"),
          new Probe("list_of_dicts_print", "{{ rows }}"),
          new Probe("nested_list_print", "{{ [[1, 'a'], {'k': [None]}] }}"),
          new Probe("string_escape_print", "{{ ['a\\'b', 'c\"d', 'e\\\\f'] }}"),
          new Probe("unicode_print", "{{ 'héllo' | upper }} {{ ['é'] }}"),
          new Probe("bool_arith", "{{ True + 1 }}"),
          new Probe("string_comparison", "{{ 'a' < 'b' }} {{ 'abc' == 'abc' }}"),
          new Probe("none_comparison", "{{ n == none }} {{ n is none }} {{ nope == none }}"),
          new Probe("inline_if_in_call", "{{ [1 if x else 2, 3] }}"),
          new Probe("negative_slice", "{{ 'hello'[-3:] }} {{ l[-2:] }}"),
          new Probe("string_mul_var", "{{ '=' * x }}"),
          new Probe("whitespace_lines", "{% for i in l %}\n  {{ i }}\n{% endfor %}\n"),
          new Probe("whitespace_if_trim", "x\n{%- if true %}\ny\n{%- endif %}\nz"),
          new Probe("whitespace_set_block", "{% set s %}\n  a\n{% endset %}[{{ s }}]"),
          new Probe(
              "call_macro_kwargs_only",
              "{% macro m(a, b=2, c=3) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1, c=5) }}"),
          new Probe(
              "caller_in_nested",
              "{% macro outer() %}<{{ caller() }}>{% endmacro %}{% macro inner() %}{% call outer() %}in{% endcall %}{% endmacro %}{{ inner() }}"),
          new Probe("string_startswith_tuple", "{{ 'abc'.startswith(('x', 'a')) }}"),
          new Probe(
              "string_join_ints", "{{ '-'.join(['a', 'b']) }} {{ ','.join(l | map('string')) }}"),
          new Probe("int_of_string_float", "{{ '3.9' | int }} {{ 'x' | int }} {{ '7' | float }}"),
          new Probe("length_of_string_var", "{{ s | length }} {{ s | trim | length }}"),
          new Probe(
              "dict_keys_order", "{{ {'z': 1, 'a': 2} }} {{ {'z': 1, 'a': 2}.keys() | list }}"),
          new Probe("dict_items_print", "{{ d.items() | list }}"),
          new Probe("empty_containers", "{{ [] }} {{ {} }} {{ () }}"),
          new Probe(
              "float_formatting",
              "{{ 1.5 }} {{ 100.0 }} {{ 0.1 }} {{ 1e-5 }} {{ 123456789012345678.0 }}"),
          new Probe("int_big", "{{ 2 ** 40 }} {{ 12345678901234 }}"),
          new Probe(
              "false_string_truth",
              "{% if 'false' %}a{% endif %}{{ not 'false' }} {{ 'false' and 1 }} {{ 'x' if 'False' else 'y' }}"),
          new Probe(
              "macro_dynamic_scope",
              "{% macro m() %}[{{ i }}]{% endmacro %}{% for i in [1] %}{{ m() }}{% endfor %}"),
          new Probe(
              "caller_closure",
              "{% macro m() %}{{ caller() }}{% endmacro %}{% for i in [7] %}{% call m() %}{{ i }}{% endcall %}{% endfor %}"),
          new Probe(
              "macro_ws_both", "{%- macro m(a) -%}\n  {{- a -}}\n{%- endmacro -%}\n[{{ m(1) }}]"),
          new Probe(
              "call_ws",
              "{% macro m() %}({{- caller() -}}){% endmacro %}{% call m() %}  x  {% endcall %}"),
          new Probe(
              "set_in_for_in_macro",
              "{% macro m() %}{% set acc = [] %}{% for i in l %}{% do acc.append(i * 2) %}{% endfor %}{{ acc }}{% endmacro %}{{ m() }}"),
          new Probe(
              "loop_in_loop_outer_var",
              "{% for i in [1, 2] %}{% set outer = loop %}{% for j in [1] %}{{ outer.index }}{% endfor %}{% endfor %}"),
          new Probe(
              "macro_returns_in_loop",
              "{% macro f() %}{% for i in l %}{% if i == 2 %}{{ return(i) }}{% endif %}{% endfor %}{{ return(0) }}{% endmacro %}{{ f() if false else 'skip' }}"),
          new Probe(
              "string_method_chain_format", "{{ 'select {} from {}'.format('a', 'b').upper() }}"),
          new Probe(
              "dict_nested_set",
              "{% set cfg = {'a': {'b': 1}} %}{% do cfg['a'].update({'c': 2}) %}{{ cfg }}"),
          new Probe(
              "list_extend_sort", "{% set xs = [3, 1] %}{% do xs.extend([2]) %}{{ xs | sort }}"),
          new Probe("is_string_on_relation_like", "{{ 'x' is string and 1 is not string }}"),
          new Probe(
              "selectattr_defined", "{{ rows | selectattr('name', 'defined') | list | length }}"),
          new Probe(
              "map_attribute_default", "{{ rows | map(attribute='zz', default='d') | list }}"),
          new Probe("unique_case", "{{ ['a', 'A', 'b'] | unique | list }}"),
          new Probe("join_attribute", "{{ rows | join(', ', attribute='name') }}"),
          new Probe("replace_count_filter", "{{ 'aaa' | replace('a', 'b', 2) }}"),
          new Probe("truncate_filter", "{{ 'hello world' | truncate(8) }}"),
          new Probe("wordwrap_center", "[{{ 'ab' | center(6) }}]"),
          new Probe("indent_first", "{{ 'a\nb' | indent(2, true) }}"),
          new Probe("escape_filter", "{{ '<a>' | e }}"),
          new Probe("safe_filter", "{{ '<a>' | safe }}"),
          new Probe("format_filter", "{{ '%s-%s' | format(1, 2) }}"),
          new Probe("attr_filter", "{{ d | attr('a') }}|"),
          new Probe("list_comprehension_like", "{{ l | map('string') | map('upper') | list }}"),
          new Probe("tojson_nested", "{{ {'a': [1, {'b': none}], 'c': 'x\"y'} | tojson }}"),
          new Probe("length_none_default", "{{ (nope or []) | length }}"),
          new Probe("ternary_in_filter_arg", "{{ l | join(',' if x else ';') }}"),
          new Probe("neg_numbers", "{{ -1 }} {{ - x }} {{ 3 - -2 }}"),
          new Probe("comparison_mixed", "{{ 1 < 2.5 }} {{ 'a' != 'b' }}"),
          new Probe("in_string_var", "{{ 'ell' in s }}"),
          new Probe("with_block", "{% with a = 1 %}{{ a }}{% endwith %}[{{ a }}]"),
          new Probe(
              "loop_changed",
              "{% for i in [1, 1, 2] %}{% if loop.changed(i) %}{{ i }}{% endif %}{% endfor %}"),
          new Probe("test_sameas_in", "{{ n is sameas none }} {{ 1 is in l }} {{ 2 is eq 2 }}"),
          new Probe(
              "dict_bracket_set_get",
              "{% set m = {} %}{% do m.update({'k': [1]}) %}{% do m['k'].append(2) %}{{ m['k'] }}"),
          new Probe(
              "macro_too_many_args_varargs",
              "{% macro m(a) %}{{ a }}{{ varargs }}{% endmacro %}{{ m(1, 2) }}"),
          new Probe("string_concat_plus", "{{ 'a' + 'b' }} {{ [1] + [2] }}"),
          new Probe("int_string_mult_list", "{{ [0] * 3 }}"),
          new Probe("none_in_if_elif", "{% if n %}a{% elif n is none %}b{% endif %}"),
          new Probe("nested_ternary_parens", "{{ ('a' if x else 'b') ~ 'c' }}"),
          new Probe("filter_on_paren_expr", "{{ (l + [4]) | length }}"),
          new Probe("method_on_literal_list", "{{ [3, 1, 2] | sort | first }}"),
          new Probe("multiline_expression", "{{\n  'a'\n  ~ 'b'\n}}"),
          new Probe("multiline_tag", "{%\n  set v = [\n    1,\n    2,\n  ]\n%}{{ v | length }}"),
          new Probe("comment_multiline_ws", "a\n{#\n  multi\n#}\nb"),
          new Probe(
              "comment_in_macro_trim",
              "{% macro m() -%}\n  {#- note -#}\n  x\n{%- endmacro %}[{{ m() }}]"),
          new Probe("raw_ws_newlines", "a\n{%- raw %}\n {{ y }}\n{% endraw -%}\nb"),
          new Probe("raw_plain_block", "{% raw %}{% if %}{{ }}{% endraw %}"),
          new Probe("neg_modulo", "{{ -7 % 3 }} {{ 7 % -3 }} {{ -7.5 % 2 }}"),
          new Probe(
              "power_neg_float_div", "{{ 2 ** -1 }} {{ 7.5 // 2 }} {{ 1 / 3 }} {{ 0.1 * 3 }}"),
          new Probe("big_power", "{{ 10 ** 20 }}"),
          new Probe("percent_d_float", "{{ '%d' % 3.7 }} {{ 'abc' * -1 }}|{{ l * 2 }}"),
          new Probe(
              "equality_containers",
              "{{ [1, 2] == [1, 2] }} {{ {'a': 1} == {'a': 1} }} {{ None == None }} {{ 'a' < 'B' }}"),
          new Probe("tests_sameas_none", "{{ 1 is sameas 1 }} {{ '' is none }} {{ not none }}"),
          new Probe(
              "in_range_dict",
              "{{ x in range(10) }} {{ 'b' in {'a': 1} }} {{ 1 ~ 2 }} {{ true ~ '' }}"),
          new Probe("join_string_iterable", "{{ 'x'.join('abc') }} {{ 'a b'.split(' ') }}"),
          new Probe(
              "format_none_bool_list",
              "{{ '{}'.format(none) }} {{ '{}|{}'.format(true, [1, 'a']) }}"),
          new Probe(
              "string_misc_methods",
              "{{ 'abc'.upper()[1:] }} {{ s.count('l') }} {{ 'a,b,,c'.split(',') }} {{ '  x  '.lstrip() ~ '|' }} {{ 'hello'.find('l') }} {{ 'hello'.rfind('l') }}"),
          new Probe(
              "center_lower_replace",
              "[{{ 'x' | center(5) }}] {{ 'Hello World' | lower | replace('world', 'there') }}"),
          new Probe("dictsort_reverse", "{{ d | dictsort(reverse=true) }}"),
          new Probe(
              "sum_attribute",
              "{{ rows | sum(attribute='v') }} {{ 'abc' | first }} {{ 1.5 | int }}"),
          new Probe(
              "select_reject_truthy",
              "{{ [none, 1] | select | list }} {{ [0, 1, ''] | reject | list }} {{ rows | selectattr('v') | list | length }}"),
          new Probe(
              "selectattr_tests",
              "{{ rows | selectattr('v', 'gt', 1) | list | length }} {{ rows | selectattr('name', 'in', ['a']) | list | length }} {{ l | select('ge', 2) | list }}"),
          new Probe("join_no_sep", "{{ l | join }}"),
          new Probe("string_title_words", "{{ 'the_big dog'.title() }} {{ 'x'.isupper() }}"),
          new Probe(
              "list_remove_count",
              "{% set xs = [1, 2, 1] %}{% do xs.remove(1) %}{{ xs }} {{ xs.count(1) }}"),
          new Probe("dict_get_falsy", "{{ {'a': 0}.get('a', 5) }} {{ {'a': none}.get('a', 5) }}"),
          new Probe("str_of_float_int", "{{ 3.0 | string }} {{ (3.0 | int) | string }}"),
          new Probe("dict_views_print", "{{ d.items() }} {{ d.keys() }} {{ d.values() }}"),
          new Probe("range_print", "{{ range(3) }} {{ range(1, 5, 2) }}"),
          new Probe("macro_print", "{% macro m() %}{% endmacro %}{{ m }}"),
          new Probe("namespace_print", "{{ namespace(a=1) }}"),
          new Probe("loop_print", "{% for i in l %}{{ loop }}{% endfor %}"),
          new Probe("float_round_chain", "{{ x | float | round(1) }}"),
          new Probe("ws_blank_lines_trim", "{%- if true -%}\n\n  x\n\n{%- endif -%}\n"),
          new Probe("ws_expr_after_newline", "a\n   {{- x }}\n   {{ x -}}   \n b"),
          new Probe(
              "ws_for_comment_mix", "{%- for i in l -%}\n  {#- c -#}\n  {{ i }}\n{%- endfor %}"),
          new Probe("ws_plus_marker", "a  {%+ if true %}b{% endif %}"),
          new Probe(
              "ws_macro_body_comment",
              "{% macro m() -%}\n  {# c #}\n  y\n{%- endmacro %}[{{ m() }}]"),
          new Probe(
              "ws_set_block_trim_inner", "{%- set q -%}\n  select 1\n{%- endset -%}\n[{{ q }}]"),
          new Probe("ws_crlf_trim", "a\r\n  {%- if true -%}\r\n  b\r\n  {%- endif -%}\r\n  c"),
          new Probe(
              "ws_nested_ifs",
              "{% if true %}\n  {% if true %}\n    x\n  {% endif %}\n{% endif %}\n"),
          new Probe("ws_raw_inline", "{{ '{{' }} x {{ '}}' }}"),
          new Probe("ws_tabs", "\t{%- if true -%}\t\ty\t{%- endif -%}\t"),
          new Probe("ws_comment_only_line", "a\n{# only #}\nb"),
          new Probe("ws_trailing_spaces_newline", "x   \n"),
          new Probe("ws_multiple_trailing_newlines", "x\n\n\n"),
          new Probe("ws_expression_multiline_trim", "{{- '\n  a  \n' -}}"),
          new Probe(
              "ws_macro_call_indent",
              "{% macro m() %}\n    inner\n{% endmacro %}\nselect\n    {{ m() }}\nfrom t"),
          new Probe(
              "ws_adjacent_comments",
              "a\n  {#- one -#}\n  {#- two -#}\n  {# three #}{#four#}{##}b"),
          new Probe(
              "set_tuple_no_parens",
              "{% set t = 1, 'a' %}{{ t }} {% set a, b = 1, 2 %}{% set a, b = b, a %}{{ a }}{{ b }}"),
          new Probe(
              "set_dict_value_commas", "{% set v = {'a': 1, 'b': [1, 2]} %}{{ v.b | length }}"),
          new Probe(
              "macro_default_paren",
              "{% macro m(a=')', b=[1, (2, 3)], c={'k': 'x,)'}) %}{{ a }}{{ b }}{{ c.k }}{% endmacro %}{{ m() }}"),
          new Probe(
              "macro_signature_multiline",
              "{% macro m(\n    a,\n    b='x'\n) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}"),
          new Probe(
              "keyword_names_as_vars",
              "{% set empty = [1] %}{% set div = 2 %}{{ empty | length }}{{ div }}"),
          new Probe("do_dict_update_kw", "{% set dd = {} %}{% do dd.update(a=1) %}{{ dd }}"),
          // issue 13: what real projects write and Jinjava's own lexer and parser refused
          new Probe("set_three_targets", "{% set a, b, c = x, 'y', l %}{{ a }}|{{ b }}|{{ c }}"),
          new Probe("bare_tuple_output", "{{ x, 'a' }} {{ x, }}"),
          new Probe("for_over_bare_tuple", "{% for i in 1, 2 %}{{ i }}{% endfor %}"),
          new Probe(
              "kwarg_expression",
              "{% macro g(n) %}{{ n }}{% endmacro %}{{ g(n=3 + x) }}{{ g(n = x*2) }}"),
          new Probe(
              "plus_without_spaces",
              "{{ x+1 }} {{ l[x-4+1] }} {{ l[1+1] }} {{ x|int+1 }} {{ +x }} {{ -x+10 }}"),
          new Probe("slice_plus", "{{ l[:1] + [9] + l[0+1:] }}"),
          new Probe(
              "dict_closing_before_delimiter", "{{ {'a': {'b': 'c'}}}} {{ {'a': {'b': x}}['a'] }}"),
          new Probe(
              "dict_closing_in_call",
              "{% macro config(meta) %}{{ meta.a.b }}{% endmacro %}{{ config(meta={'a': {'b': 'c'}})}}{{config(meta={'a':{'b':'d'}})}}"),
          new Probe(
              "dict_closing_kept_offsets", "{{ {'k': {'v': 1}} }}\n{{ x }}{{ {'k': {'v': 2}}}}"),
          new Probe(
              "dict_closing_trimmed",
              "a  {{- {'a': {'b': 1}}['a']['b']-}}  b {{-{'k':{'v':'}}'}}-}} c"),
          new Probe(
              "dict_closing_no_space", "{{{'a':{'b':'c'}}}}|{{ '}}' ~ {'a':{'b':x}}['a']['b'] }}"),
          new Probe(
              "nbsp_in_tag",
              "{%\u00a0if x\u00a0>\u00a01\u00a0%}yes{%\u00a0endif %}{{\u00a0x\u00a0}}{{ 'a\u00a0b' }}"),
          new Probe(
              "big_integers",
              "{{ 123456789012345678901234567890 }} {{ 9223372036854775807 + 1 }} {{ 2 ** 70 }}"),
          new Probe(
              "big_integer_arithmetic",
              "{{ 2 ** 70 // 3 }} {{ 2 ** 70 % 7 }} {{ -(2 ** 70) }} {{ 2 ** 70 > 5 }} {{ 2 ** 70 == 2 ** 70 }} {{ (2 ** 70) * 3 - 1 }} {{ -7 // 2 }} {{ 7 // -2 }} {{ -(2 ** 70) % 5 }}"),
          new Probe(
              "number_literals",
              "{{ 0xa0 }} {{ 0XFF }} {{ 0o17 }} {{ 0b101 }} {{ 1_000_000 }} {{ 1_0.5 }} {{ 1e3 }} {{ 2.5E-1 }}"),
          new Probe(
              "integer_attribute", "{{ l.0 }}{{ l.2 }}{% set t = [[1, 2], [3]] %}{{ t.0.1 }}"),
          new Probe(
              "test_after_filter",
              "{{ l | length is gt 2 }} {{ l|length is not eq 3 }} {{ s is string | string }}"),
          new Probe("test_then_filter", "{{ x is number | lower }}"));
}
