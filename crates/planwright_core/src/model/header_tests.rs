//! The metadata section that carries on the plan's header, as the reader
//! and `Plan::field` see it.

use crate::parse::parse;

#[test]
fn a_metadata_section_after_the_title_holds_the_header() {
    // Its list items are the plan's fields, as they are right under the
    // title: the status is the plan's, and what a dialect requires is there.
    let src = "# Plan: Export\n\n## Metadata\n\n- **Status:** Draft\n- **Owner:** Ann\n\n\
               ## Phase 1: Setup\n\n- [ ] a\n";
    let plan = parse(src);
    assert_eq!(plan.metadata_section(), Some(1));
    assert_eq!(
        plan.field("status").map(|f| f.value.as_str()),
        Some("Draft")
    );
    assert!(plan.metadata.iter().all(|f| f.is_header() && f.header_item));
    // Written as bold lines, under another of its names, or without a title.
    for src in [
        "# Plan\n\n## Document Info\n\n**Status:** Draft\n",
        "# Plan\n\n## Plan Details\n\n* **Status:** Draft\n",
        "## Metadata\n\n- **Status:** Draft\n\n## Tasks\n\n- [ ] a\n",
    ] {
        let plan = parse(src);
        assert_eq!(
            plan.field("status").map(|f| f.value.as_str()),
            Some("Draft"),
            "{src:?}"
        );
    }
}

#[test]
fn only_the_first_sections_own_list_is_the_header() {
    // A later section, a sub-section, a list after a task, or an overview
    // list naming phases: each item is its own, not the plan's.
    for src in [
        "# Plan\n\n## Overview\n\ntext\n\n## Metadata\n\n- **Status:** Draft\n",
        "# Plan\n\n## Metadata\n\n### Story 1\n\n- **Status:** Draft\n",
        "# Plan\n\n## Metadata\n\n- [ ] a\n\n- **Status:** Draft\n",
        "# Plan\n\n## Metadata\n\n- **Phase 1:** Build\n",
        "# Plan\n\n## Summary\n\n- **Status:** Draft\n",
    ] {
        let plan = parse(src);
        assert!(
            plan.metadata.iter().all(|f| !f.header_item),
            "{src:?}: {:?}",
            plan.metadata
        );
        assert!(plan.field("status").is_none(), "{src:?}");
    }
}

#[test]
fn an_untitled_plans_metadata_section_after_another_section_is_that_sections_sibling() {
    // Without a `#` title, `## Export` is the plan's first section, not its
    // title: a `## Metadata` after it is the second section, as `## Metadata`
    // after `## Overview` is under a title, and its items are its own. Read
    // as the header, `## Overview` / `## Metadata` would be one untitled
    // and not titled.
    for src in [
        "## Export\n\n## Metadata\n\n- **Status:** Draft\n",
        "## Overview\n\ntext\n\n## Metadata\n\n- **Status:** Draft\n",
    ] {
        let plan = parse(src);
        assert_eq!(plan.metadata_section(), None, "{src:?}");
        assert!(plan.field("status").is_none(), "{src:?}");
    }
}
