//! Choice lists (`inline_choice.rs`): which `|` and `/` lists are slots
//! left to choose from, options marked with emoji among them, and the
//! one-pass pre-check held to the answers of splitting the value.

use super::*;
use crate::text::TextRange;

#[test]
fn choice_lists() {
    for yes in [
        "Draft | In Progress | Completed",
        "High/Medium/Low",
        "L/M/H",
        "New/Modified",
        "Yes/No",
    ] {
        assert!(is_choice_list(yes), "{yes}");
    }
    for no in [
        "CI/CD",
        "TCP/IP",
        "Done",
        "read/write access",
        "a | b",
        "src/main.rs",
    ] {
        assert!(!is_choice_list(no), "{no}");
    }
}

#[test]
fn options_marked_with_emoji_are_still_a_choice_list() {
    for yes in [
        "🟡 Open | 🔵 Working | 🟢 Shipped",
        "⬜ Not Started | ✅ Done",
        "⚠️ High / ✔️ Low",
    ] {
        assert!(is_choice_list(yes), "{yes}");
    }
    for no in ["✅ Done", "✅ CI/CD", "🚀 a | b", "✅Done | ❌Failed"] {
        assert!(!is_choice_list(no), "{no}");
    }
    // The finding covers the marks too.
    let value = " 🟡 Draft | 🟢 Done ";
    let choice = scan_choice(value, 10).map(|p| (p.text, p.range));
    assert_eq!(
        choice,
        Some((
            value.trim().into(),
            TextRange::new(11, 10 + value.trim_end().len())
        ))
    );
}

/// `is_choice_list` as it was before its one-pass pre-check, to hold the
/// pre-check to the same answers.
fn choice_list_by_splitting(value: &str) -> bool {
    let without_mark = |option: &str| -> String {
        if option.as_bytes().first().is_none_or(u8::is_ascii) {
            return option.to_string();
        }
        let mark = option
            .find(|c: char| c.is_ascii() || c.is_alphanumeric())
            .unwrap_or(option.len());
        match option[mark..].strip_prefix(' ') {
            Some(rest) if mark > 0 => rest.trim_start().to_string(),
            _ => option.to_string(),
        }
    };
    let sep = if value.contains(" | ") {
        '|'
    } else if value.contains('/') {
        '/'
    } else {
        return false;
    };
    let alternatives: Vec<String> = value.split(sep).map(|a| without_mark(a.trim())).collect();
    let count = alternatives.len();
    if count < 2 {
        return false;
    }
    if !alternatives.iter().all(|a| is_option(a)) {
        return false;
    }
    let known = alternatives.iter().filter(|a| is_choice_word(a)).count();
    if sep == '|' {
        return count >= 3 || known >= 1;
    }
    let single_letters = alternatives.iter().all(|a| a.len() == 1);
    known == count || (count >= 3 && (known >= 2 || single_letters))
}

#[test]
fn the_choice_list_pre_check_rules_out_only_what_splitting_would() {
    let pieces = [
        "Low",
        "high",
        "x",
        " ",
        "|",
        "/",
        " | ",
        ".",
        "✅ ",
        "\t",
        "\u{b}",
        "-",
        "_",
        "1",
        ":",
        "In Progress",
        "é",
        "\u{a0}",
    ];
    let mut values = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = values
            .iter()
            .flat_map(|v| pieces.iter().map(move |p| format!("{v}{p}")))
            .collect();
        values.extend(longer);
    }
    for value in &values {
        assert_eq!(
            is_choice_list(value),
            choice_list_by_splitting(value),
            "{value:?}"
        );
    }
}
