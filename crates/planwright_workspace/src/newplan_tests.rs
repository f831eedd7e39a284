//! Creating plans: slugs and the clock.

use super::*;

#[test]
fn slugs_are_bounded_lower_case_ascii_words() {
    assert_eq!(
        slugify("Dark mode for the Dashboard"),
        "dark-mode-for-the-dashboard"
    );
    assert_eq!(slugify("  Café crème: v2.0!  "), "cafe-creme-v2-0");
    assert_eq!(slugify("Don't panic"), "dont-panic");
    let long = slugify("a very long title that goes on and on and on beyond any reason");
    assert_eq!(long, "a-very-long-title-that-goes-on-and-on");
    assert!(long.len() <= SLUG_MAX);
    assert_eq!(slugify(&"x".repeat(60)).len(), SLUG_MAX);
}

#[test]
fn white_space_and_control_characters_separate_words() {
    assert_eq!(slugify("Fix\tlogin"), "fix-login");
    assert_eq!(slugify("line1\nline2"), "line1-line2");
    assert_eq!(slugify("a\r\nb\u{b}c\u{0}d\u{85}e\u{2028}f"), "a-b-c-d-e-f");
    // A joiner still spells nothing inside its word.
    assert_eq!(slugify("ab\u{200d}cd"), "abcd");
}

#[test]
fn letters_of_any_script_are_spelt_in_ascii() {
    assert_eq!(
        slugify("Тёмная тема для панели"),
        "tiomnaia-tema-dlia-paneli"
    );
    assert_eq!(slugify("数据同步"), "shu-ju-tong-bu");
    assert_eq!(slugify("日本語"), "ri-ben-yu");
    assert_eq!(slugify("Café crème"), "cafe-creme");
    assert_eq!(slugify("API для 数据, v2"), "api-dlia-shu-ju-v2");
    // A change of script starts a word, as a space would.
    assert_eq!(slugify("x数据y"), "x-shu-ju-y");
    assert_eq!(slugify("v2版本"), "v2-ban-ben");
    assert_eq!(slugify("Straße"), "strasse");
    // Signs spelt as apostrophes (ъ, ь) and a virama, which has no
    // letter of its own, stay inside their word as `'` does.
    assert_eq!(slugify("Объект панель"), "obekt-panel");
    assert_eq!(slugify("हिन्दी"), "hindii");
    // Words break where deunicode puts a space, after each Han character,
    // and where kana meet a Han character; a run of kana is one word. (Kanji
    // are read as in Chinese: deunicode has no Japanese readings.)
    assert_eq!(slugify("げんまい茶です"), "genmai-cha-desu");
    assert_eq!(slugify("日本語の計画"), "ri-ben-yu-no-ji-hua");
    assert_eq!(slugify("テスト計画"), "tesuto-ji-hua");
    assert_eq!(slugify("ﾃｽﾄ計画"), "tesuto-ji-hua");
    let long = slugify(&"数据同步 ".repeat(10));
    assert_eq!(long, "shu-ju-tong-bu-shu-ju-tong-bu-shu-ju");
    assert!(long.len() <= SLUG_MAX);
}

#[test]
fn accented_latin_letters_lose_only_their_accents() {
    // What the hand-written table before deunicode gave, letter for letter.
    assert_eq!(
        slugify("àáâãäåÀÅ æÆçÇ èéêëÈË ìíîïÌÏñÑ"),
        "aaaaaaaa-aeaecc-eeeeee-iiiiiinn"
    );
    assert_eq!(
        slugify("òóôõöøÒØ œŒß ùúûüÙÜýÿÝ"),
        "oooooooo-oeoess-uuuuuuyyy"
    );
}

#[test]
fn every_character_gives_a_slug_of_ascii_words() {
    // Every scalar value between letters, and some run past the length
    // limit: never a panic, never anything but lower-case ASCII words
    // joined by `-`.
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let long = if u32::from(c) % 61 == 0 { 41 } else { 0 };
        for title in [format!("a{c}b"), c.to_string().repeat(long)] {
            let slug = slugify(&title);
            assert!(slug.len() <= SLUG_MAX, "{title:?}: {slug}");
            assert!(
                slug.split('-').all(|w| !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{title:?}: {slug}"
            );
        }
    }
}

#[test]
fn a_title_with_no_letter_or_digit_is_plan() {
    assert_eq!(slugify("🚀🔥"), "plan");
    assert_eq!(slugify("— « … » !"), "plan");
    assert_eq!(slugify(""), "plan");
    // Emoji separate words as punctuation does; they are not spelt out
    // (deunicode would make this `rocket-launch`).
    assert_eq!(slugify("🚀 Launch ✨ v2"), "launch-v2");
}

#[test]
fn fixed_clock_is_midnight_utc() {
    let c = Clock::on("2026-01-15").unwrap();
    assert_eq!(c.timestamp, "2026-01-15T00:00:00+00:00");
    assert!(Clock::on("15/01/2026").is_none());
}

#[test]
fn a_given_slug_is_checked_and_a_better_one_offered() {
    assert_eq!(check_slug("oauth-login"), Ok(()));
    assert_eq!(check_slug("v2"), Ok(()));
    let err = |s: &str| check_slug(s).unwrap_err();
    assert!(err("OAuth Login").ends_with("did you mean `oauth-login`?"));
    assert!(err("-a").ends_with("did you mean `a`?"));
    assert!(err("a-").ends_with("did you mean `a`?"));
    assert!(err("café").ends_with("did you mean `cafe`?"));
    // Nothing to offer: no letter or digit.
    assert!(!err("").contains("did you mean"));
    assert!(!err("--").contains("did you mean"));
    // Long: well shaped, so only the length is wrong.
    let long = "a".repeat(SLUG_GIVEN_MAX + 1);
    assert_eq!(err(&long), format!("longer than {SLUG_GIVEN_MAX} bytes"));
    assert_eq!(check_slug(&"a".repeat(SLUG_GIVEN_MAX)), Ok(()));
}
