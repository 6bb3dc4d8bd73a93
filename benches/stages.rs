//! One long speech through each stage of the pipeline. The speech is seed 001 from ../shared when
//! it is there (a 660 KB scraped page), else the project's examples repeated to a similar size.
//! Run with `cargo bench --bench stages`; criterion prints time and throughput per stage.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use tigang::clean::{CleanOptions, clean};
use tigang::nest::{NestOptions, nest};
use tigang::render::{Format, render};
use tigang::{Options, check, decode, extract, split};

fn speech() -> Vec<u8> {
    let root = env!("CARGO_MANIFEST_DIR");
    if let Ok(bytes) = std::fs::read(format!("{root}/../shared/seeds/001_1d07424bca0ceb50.txt")) {
        return bytes;
    }
    let mut text = String::new();
    for name in [
        "district_meeting",
        "messy_scraped",
        "draft_with_slips",
        "spring_plan_2023",
    ] {
        text.push_str(
            &std::fs::read_to_string(format!("{root}/examples/{name}.txt")).unwrap_or_default(),
        );
    }
    text.repeat(660_000 / text.len().max(1) + 1).into_bytes()
}

fn stages(c: &mut Criterion) {
    let bytes = speech();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("decode", |b| {
        b.iter(|| decode::decode(black_box(&bytes), None).unwrap())
    });
    let text = decode::decode(&bytes, None).unwrap().text;
    g.bench_function("clean (with markers)", |b| {
        b.iter(|| clean(black_box(&text), CleanOptions::default()))
    });
    let lines = clean(&text, CleanOptions::default());
    g.bench_function("split", |b| b.iter(|| split::segment(black_box(&lines))));
    let speeches: Vec<_> = split::segment(&lines)
        .speeches
        .into_iter()
        .map(|s| s.range)
        .collect();
    g.bench_function("nest", |b| {
        b.iter(|| {
            speeches
                .iter()
                .map(|r| nest(black_box(&lines), r.clone(), NestOptions::default()).len())
                .sum::<usize>()
        })
    });
    let opts = Options {
        source: Some("speech.txt".to_string()),
        ..Options::default()
    };
    let doc = extract(&bytes, &opts).unwrap();
    g.bench_function("check", |b| {
        b.iter(|| {
            doc.speeches
                .iter()
                .map(|s| check::check(black_box(s), &lines, Default::default()).len())
                .sum::<usize>()
        })
    });
    g.bench_function("render json", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            render(black_box(&doc), Format::Json, &mut out).unwrap();
            out.len()
        })
    });
    g.bench_function("whole pipeline", |b| {
        b.iter(|| extract(black_box(&bytes), &opts).unwrap())
    });
    g.finish();
}

/// The grammar on single lines: a heading, a line that fails inside pest, a line the pre-check
/// turns away.
fn markers(c: &mut Criterion) {
    let mut g = c.benchmark_group("marker");
    for (name, line) in [
        (
            "heading （一）",
            "（一）加强学习，提高认识。学习是第一位的。",
        ),
        ("refused in pest 一九", "一九三七年五月，全国代表会议召开。"),
        ("refused before pest", "各单位要认真落实。"),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| tigang::marker::recognize(black_box(line)))
        });
    }
    g.finish();
}

criterion_group!(benches, stages, markers);
criterion_main!(benches);
