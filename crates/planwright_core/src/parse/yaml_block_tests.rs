//! Front-matter values over several lines, and YAML no reader accepts.

use crate::model::MetaStyle;
use crate::parse;

fn front(yaml: &str) -> String {
    format!("---\n{yaml}---\n\nText.\n")
}

/// Each front-matter field: key, value, and the source at its value range.
fn fields(src: &str) -> Vec<(String, String, &str)> {
    parse(src)
        .metadata
        .iter()
        .filter(|f| f.style == MetaStyle::FrontMatter)
        .map(|f| {
            assert!(f.range.contains_range(f.value_range), "{f:?}");
            (
                f.key.to_string(),
                f.value.to_string(),
                f.value_range.slice(src),
            )
        })
        .collect()
}

fn problems(yaml: &str) -> Vec<(String, &'static str)> {
    let src = front(yaml);
    parse(&src)
        .front_matter_problems
        .iter()
        .map(|p| (p.range.slice(&src).to_owned(), p.message))
        .collect()
}

#[test]
fn block_scalars_fold_or_keep_their_lines() {
    let src = front(
        "title: >-\n  Long folded\n  title here\nsummary: >\n  folded line one\n\n  \
         para two\n    kept\n  back\nnotes: |+ # c\n  line one\n  line two\n\n\
         odd: |2\n    indented\nnext: x\n",
    );
    let got = fields(&src);
    assert_eq!(
        got[0],
        (
            "title".into(),
            "Long folded title here".into(),
            ">-\n  Long folded\n  title here"
        )
    );
    assert_eq!(got[1].1, "folded line one\npara two\n  kept\nback");
    assert_eq!(got[2].1, "line one\nline two");
    assert_eq!(got[2].2, "|+ # c\n  line one\n  line two");
    assert_eq!(got[3].1, "  indented");
    assert_eq!(got[4], ("next".into(), "x".into(), "x"));
    let plan = parse(&src);
    let title = plan.title.expect("a title from the block scalar");
    assert_eq!(title.text, "Long folded title here");
    assert_eq!(title.range.slice(&src), "Long folded\n  title here");
}

#[test]
fn lists_read_as_their_items_joined_by_commas() {
    let yaml = "owners:\n  - alice\n  - \"bob, jr\" # lead\n  -   carol\n    smith\ntags: [a, 'b c', \"d\",]\n\
         top:\n- x\n- y\nwrapped: [one,\n  two]\nempty: []\nnested:\n  a: 1\nowner: [OWNER]\n";
    let src = front(yaml);
    let got: Vec<_> = fields(&src).into_iter().map(|(k, v, _)| (k, v)).collect();
    let want = [
        ("owners", "alice, bob, jr, carol smith"),
        ("tags", "a, b c, d"),
        ("top", "x, y"),
        ("wrapped", "one, two"),
        ("empty", ""),
        ("nested", ""),
        ("owner", "[OWNER]"),
    ];
    let got: Vec<_> = got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(got, want);
    let owners = &fields(&src)[0];
    assert_eq!(
        owners.2,
        "- alice\n  - \"bob, jr\" # lead\n  -   carol\n    smith"
    );
    assert_eq!(problems(yaml), []);
}

#[test]
fn yaml_no_reader_accepts_is_reported_at_its_line() {
    let got = problems(
        "title: [unclosed\nstatus: : :\nok: fine\nnote: a: b\nq: \"open\nr: 'x' y\n\
         just text\nblock: >x\nat: @me\ns: - a\n",
    );
    let want = [
        ("[unclosed", "the `[` is never closed"),
        (
            ": :",
            "`: ` inside a plain value reads as a second key; quote the value",
        ),
        (
            "a: b",
            "`: ` inside a plain value reads as a second key; quote the value",
        ),
        ("\"open", "the quote is never closed"),
        ("'x' y", "text follows the closing quote"),
        ("just text", "not a `key: value` line"),
        (
            ">x",
            "a block scalar's `|` or `>` is followed by other text",
        ),
        ("@me", "a plain value cannot start with `@`, `` ` `` or `%`"),
        ("- a", "a list cannot start on its key's line"),
    ];
    let got: Vec<_> = got.iter().map(|(r, m)| (r.as_str(), *m)).collect();
    assert_eq!(got, want);
}

#[test]
fn indented_lines_yaml_refuses_are_reported() {
    let got = problems(
        "status: Draft\n  owner: alice\nmap:\n\tk: v\nsummary: |\n  one\n    deeper\n two\nend: x\n",
    );
    let want = [
        (
            "  owner: alice",
            "`: ` in a line that goes on with the value above reads as a second key",
        ),
        ("\tk: v", "YAML indents with spaces, not tabs"),
        (
            " two",
            "indented less than the block scalar's text above it",
        ),
    ];
    let got: Vec<_> = got.iter().map(|(r, m)| (r.as_str(), *m)).collect();
    assert_eq!(got, want);
    // The block scalar ends where YAML ends it.
    let got = fields("---\nsummary: |\n  one\n    deeper\n two\n---\n");
    assert_eq!(got[0].1, "one\n  deeper");
}

#[test]
fn valid_yaml_is_not_reported() {
    let yaml = "# c\ntitle: \"a: b\"\nurl: http://x.y/z\nmulti: \"a\n  b\"\nplain: one\n  two\n\
                map:\n  k: v\nlist:\n- a\n- b\nflow: {a: 1,\n  b: 2}\nt: &a !!str x\nempty:\n";
    assert_eq!(problems(yaml), []);
}

#[test]
fn a_key_given_twice_is_reported_at_its_second_line() {
    use crate::model::FrontMatterProblem;
    let got = problems("status: draft\nowner: a\n\"status\": review\nnote: x\n");
    assert_eq!(
        got,
        [("status".to_owned(), FrontMatterProblem::DUPLICATE_KEY)]
    );
    // Keys of nested mappings and of list items are their parents'.
    assert_eq!(
        problems("a:\n  x: 1\nb:\n  x: 2\nitems:\n  - name: x\n  - name: y\n"),
        []
    );
    // Keys differ in case, as YAML reads them.
    assert_eq!(problems("Status: a\nstatus: b\n"), []);
}

#[test]
fn a_quoted_value_may_start_as_a_block_scalar_or_a_list_would() {
    // YAML reads these as the text in the quotes; only a plain `>` or `|`
    // opens a block scalar.
    let src = front("status: '> x'\nowner: \">bob\"\nnote: '|'\nnext: keep\n");
    assert_eq!(
        fields(&src),
        [
            ("status".into(), "> x".into(), "> x"),
            ("owner".into(), ">bob".into(), ">bob"),
            ("note".into(), "|".into(), "|"),
            ("next".into(), "keep".into(), "keep"),
        ]
    );
    assert_eq!(problems("status: '> x'\nowner: \">bob\"\nnote: '|'\n"), []);
}

#[test]
fn a_plain_value_folds_over_the_indented_lines_below_it() {
    // As PyYAML reads them: `{'summary': 'first line continues here',
    // 'a': 'one\ntwo three', 'b': 'four', 'next': 'x'}`.
    let src = front(
        "summary: first line\n  continues here\na: one\n\n  two\n   three\n\
         b: four # c\nnext: x\n",
    );
    assert_eq!(
        fields(&src),
        [
            (
                "summary".into(),
                "first line continues here".into(),
                "first line\n  continues here"
            ),
            (
                "a".into(),
                "one\ntwo three".into(),
                "one\n\n  two\n   three"
            ),
            ("b".into(), "four".into(), "four"),
            ("next".into(), "x".into(), "x"),
        ]
    );
    assert_eq!(problems("summary: first line\n  continues here\n"), []);
    // A line's comment ends the value; the line after it is its own.
    let src = front("a: one\n  two # c\nb: x\n");
    assert_eq!(fields(&src)[0].1, "one two");
    assert_eq!(fields(&src)[0].2, "one\n  two");
}

#[test]
fn a_plain_value_yaml_cannot_go_on_with_is_reported() {
    let got = problems("a: one\n  # c\n  two\nb: one # c\n  two\nc: one\n\ttwo\n");
    let ended = "a comment ended the value above; this line cannot go on with it";
    let want = [
        ("  two", ended),
        ("  two", ended),
        ("\ttwo", "YAML indents with spaces, not tabs"),
    ];
    let got: Vec<_> = got.iter().map(|(r, m)| (r.as_str(), *m)).collect();
    assert_eq!(got, want);
}

#[test]
fn an_explicit_key_and_its_value_are_yaml() {
    // `? complex` / `: value` is the mapping `{complex: value}`; a `:`
    // line after an ordinary field is not.
    assert_eq!(
        problems("? complex\n: value\n? |\n  block key\n: v\nnext: x\n"),
        []
    );
    let got = problems("a: 1\n: value\n");
    assert_eq!(got, [(": value".to_owned(), "not a `key: value` line")]);
}
