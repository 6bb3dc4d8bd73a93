//! The whole pipeline, bytes in, outline out: decode, clean, split, recognize, nest, check,
//! render as JSON and read it back, compare the outline with itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tigang::{Document, Options, extract};

fuzz_target!(|data: &[u8]| {
    let opts = Options { inline: data.first().is_some_and(|b| b & 1 == 1), body: true, ..Options::default() };
    let Ok(x) = extract(data, "fuzz", &opts) else { return };
    let json = serde_json::to_string(&x.document).expect("an outline serializes");
    let back: Document = serde_json::from_str(&json).expect("an outline reads back");
    assert_eq!(back, x.document);
    for (i, s) in x.document.speeches.iter().enumerate() {
        let o = tigang::compare::Outline::new("fuzz", i, s);
        assert_eq!(tigang::compare::compare(&o, &o).similarity, 1.0);
    }
});
