use crate::content::{self, ContentPaths, Diagnostic};
use crate::output::Out;
use crate::style::Palette;
use crate::{Error, Status};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Serialize)]
struct Report<'a> {
    ok: bool,
    files: usize,
    problems: &'a [Diagnostic],
}

/// Checks everything that would be loaded, or only `files` (read above everything else so
/// that their references to bundled content resolve).
pub fn check(
    paths: &ContentPaths,
    files: &[PathBuf],
    json: bool,
    stdout: &Palette,
    stderr: &Palette,
    out: &mut Out,
) -> Result<Status, Error> {
    let loaded = content::load_with(paths, files);
    let named: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let is_named =
        |path: &str| named.is_empty() || named.iter().any(|n| path.starts_with(n.as_str()));
    let problems: Vec<Diagnostic> = loaded
        .diagnostics
        .into_iter()
        .filter(|d| is_named(&d.path))
        .collect();
    let checked = loaded.files.iter().filter(|f| is_named(f)).count();
    let ok = problems.is_empty();
    if json {
        out.json(&Report {
            ok,
            files: checked,
            problems: &problems,
        })?;
    } else if ok {
        out.line(&stdout.good(&format!(
            "checked {checked} file{}: no problems",
            if checked == 1 { "" } else { "s" }
        )))?;
    } else {
        let mut text = String::new();
        for problem in &problems {
            text.push_str(&problem.render(stderr));
        }
        let files_with: std::collections::BTreeSet<&str> =
            problems.iter().map(|p| p.path.as_str()).collect();
        text.push_str(&stderr.error(&format!(
            "checked {checked} file{}: {} problem{} in {} file{}\n",
            if checked == 1 { "" } else { "s" },
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            files_with.len(),
            if files_with.len() == 1 { "" } else { "s" },
        )));
        eprint!("{text}");
    }
    Ok(if ok { Status::Success } else { Status::Failure })
}
