//! The whole pipeline, bytes in, outline out: decode, clean, split, recognize, nest, check,
//! render as JSON and read it back, compare the outline with itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tigang::{Format, Options, extract, render, wire};

fuzz_target!(|data: &[u8]| {
    let opts = Options {
        source: Some("fuzz".to_string()),
        inline: data.first().is_some_and(|b| b & 1 == 1),
        body: true,
        ..Options::default()
    };
    let Ok(x) = extract(data, &opts) else { return };
    let mut json = Vec::new();
    render(&x, Format::Json, &mut json).expect("an outline serializes");
    let back = wire::read_json(std::str::from_utf8(&json).expect("JSON is UTF-8")).expect("an outline reads back");
    assert_eq!(back.len(), 1);
    assert!(back[0].speeches.iter().zip(&x.speeches).all(|(b, s)| b.outline == s.outline));
    for (i, s) in x.speeches.iter().enumerate() {
        let o = tigang::compare::Outline::new("fuzz", i, s);
        assert_eq!(tigang::compare::compare(&o, &o).similarity, 1.0);
    }
});
