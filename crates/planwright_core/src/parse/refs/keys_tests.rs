use super::*;

/// [`key_at`] tried at every byte, as the search did before it looked only
/// at anchor bytes and their neighbours.
fn keys_at_every_byte(text: &str) -> Vec<(usize, usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match text.is_char_boundary(i).then(|| key_at(text, i)).flatten() {
            Some(key) => {
                found.push(key);
                i = key.1;
            }
            None => i += 1,
        }
    }
    found
}

#[test]
fn the_anchor_search_finds_every_key_in_any_case() {
    let mut texts = vec![
        "T003 deploy (depends on Phase 1) and step after the plan".to_owned(),
        "Keep the deep steps; a chef's pick, a deed, a queue: Tasks wait on none".to_owned(),
        "Deps: T1. Prerequisites: T2; pre-requisite T3; Waits for T4, waits on T5".to_owned(),
        "need needs ne\u{e9}ds d\u{e9}pends after\u{e9} after".to_owned(),
    ];
    for (key, _) in MENTION_KEYS {
        let title = key[..1].to_uppercase() + &key[1..];
        for cased in [key.to_string(), key.to_uppercase(), title] {
            texts.push(format!("T001 ({cased} T002) and {cased}: Phase 1"));
            texts.push(format!("{cased}x {cased}"));
        }
    }
    for text in &texts {
        let found = keys_in(text);
        assert_eq!(found, keys_at_every_byte(text), "{text}");
    }
    // Each key, in each case, is found at all.
    for (k, (key, _)) in MENTION_KEYS.iter().enumerate() {
        for cased in [key.to_string(), key.to_uppercase()] {
            let text = format!("T001 ({cased} T002)");
            assert!(keys_in(&text).iter().any(|f| f.2 == k), "{text}");
        }
    }
}
