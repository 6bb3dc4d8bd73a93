//! The Python module `tigang._tigang`: each function runs the Rust library and hands back its
//! JSON, which `tigang/__init__.py` turns into plain dicts (so the dicts are the CLI's JSON).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use tigang::render::{chunks, rows};

fn options(
    body: bool,
    inline: bool,
    encoding: Option<String>,
    keep_pinyin: bool,
) -> tigang::Options {
    tigang::Options {
        body,
        inline,
        encoding,
        keep_pinyin,
        ..tigang::Options::default()
    }
}

fn run(data: &[u8], source: &str, opts: &tigang::Options) -> PyResult<tigang::Document> {
    let opts = tigang::Options {
        source: Some(source.to_string()),
        ..opts.clone()
    };
    tigang::extract(data, &opts).map_err(|e| PyValueError::new_err(format!("{source}: {e}")))
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The outline document of `data` as JSON, with the warnings.
#[pyfunction]
#[pyo3(signature = (data, source, body=false, inline=false, encoding=None, keep_pinyin=false))]
fn extract_json(
    data: &[u8],
    source: &str,
    body: bool,
    inline: bool,
    encoding: Option<String>,
    keep_pinyin: bool,
) -> PyResult<(String, Vec<String>)> {
    let x = run(data, source, &options(body, inline, encoding, keep_pinyin))?;
    let warnings = x.warnings.iter().map(|w| w.to_string()).collect();
    Ok((json(&tigang::wire::Document::of(&x))?, warnings))
}

/// The flat rows of `data` as a JSON array.
#[pyfunction]
#[pyo3(signature = (data, source, body=false, inline=false, encoding=None, keep_pinyin=false))]
fn rows_json(
    data: &[u8],
    source: &str,
    body: bool,
    inline: bool,
    encoding: Option<String>,
    keep_pinyin: bool,
) -> PyResult<String> {
    let x = run(data, source, &options(body, inline, encoding, keep_pinyin))?;
    json(&rows::rows(&x))
}

/// The passages of `data` as a JSON array.
#[pyfunction]
#[pyo3(signature = (data, source, max_chars=chunks::DEFAULT_MAX_CHARS, inline=false, encoding=None, keep_pinyin=false))]
fn chunks_json(
    data: &[u8],
    source: &str,
    max_chars: usize,
    inline: bool,
    encoding: Option<String>,
    keep_pinyin: bool,
) -> PyResult<String> {
    if max_chars == 0 {
        return Err(PyValueError::new_err("max_chars must be at least 1"));
    }
    let x = run(data, source, &options(false, inline, encoding, keep_pinyin))?;
    json(&chunks::chunks(&x, max_chars))
}

/// The comparison of the main speeches of `a` and `b` as JSON.
#[pyfunction]
#[pyo3(signature = (a, b, source_a="a", source_b="b", encoding=None))]
fn compare_json(
    a: &[u8],
    b: &[u8],
    source_a: &str,
    source_b: &str,
    encoding: Option<String>,
) -> PyResult<String> {
    use tigang::compare::{self, Outline};
    let opts = options(false, false, encoding, false);
    let main = |data: &[u8], source: &str| -> PyResult<Outline> {
        let outlines = compare::outlines(&run(data, source, &opts)?);
        let i = compare::main_speech(&outlines)
            .ok_or_else(|| PyValueError::new_err(format!("{source}: no speech found")))?;
        Ok(outlines
            .into_iter()
            .nth(i)
            .expect("main speech is one of them"))
    };
    let (a, b) = (main(a, source_a)?, main(b, source_b)?);
    json(&compare::compare(&a, &b))
}

#[pymodule]
fn _tigang(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(rows_json, m)?)?;
    m.add_function(wrap_pyfunction!(chunks_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
