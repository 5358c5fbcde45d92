use crate::classify::{Classifier, Reading};
use crate::output::Out;
use crate::style::{Palette, clean};
use crate::{Error, Status};
use std::io::BufRead;

pub fn classify(
    words: &[String],
    json: bool,
    explain: bool,
    palette: &Palette,
    out: &mut Out,
) -> Result<Status, Error> {
    let classifier = Classifier::bundled();
    let keep = |mut reading: Reading| {
        if !explain {
            reading.cues.clear();
        }
        reading
    };
    if words.is_empty() {
        // A batch for scripts: always JSON Lines, one result per input line, in order.
        for (number, line) in std::io::stdin().lock().lines().enumerate() {
            let line = line.map_err(|err| Error::Input {
                what: format!("standard input, line {}", number + 1),
                source: err,
            })?;
            out.json(&keep(classifier.classify(line.trim_end_matches('\r'))))?;
        }
        return Ok(Status::Success);
    }
    let reading = keep(classifier.classify(&words.join(" ")));
    if json {
        out.json(&reading)?;
        return Ok(Status::Success);
    }
    let moves: Vec<&str> = reading.moves.iter().map(|m| m.id()).collect();
    out.line(&format!(
        "{} {}",
        palette.heading("primary:"),
        reading.primary
    ))?;
    out.line(&format!(
        "{} {}",
        palette.heading("moves:  "),
        moves.join(", ")
    ))?;
    if explain {
        for cue in &reading.cues {
            out.line(&format!(
                "  {:<15} sentence {}: {}",
                cue.for_move.id(),
                cue.sentence + 1,
                palette.quiet(&clean(&cue.evidence))
            ))?;
        }
        if reading.cues.is_empty() {
            out.line(&palette.quiet("  no cue fired: read from the words as a whole"))?;
        }
    }
    Ok(Status::Success)
}
