//! Transcripts: every practice session on disk, so nothing a trainee typed is ever lost.
//!
//! A transcript is a JSON Lines journal: a header, then one record per turn, undo or end,
//! each a complete line written and synced (`sync_data`) before the next prompt. Killing
//! the process at any moment leaves a file that loads with every completed turn; a torn
//! last line is dropped and reported. What a persona said is recorded for people to read,
//! but a transcript is always re-checked by replaying the trainee's lines, never trusted.

use crate::content::step::Step;
use crate::engine::{End, Light, Outcome};
use crate::moves::Move;
use serde::{Deserialize, Serialize};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Bumped when a change would make older readers misread a file.
pub const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case")]
pub enum Record {
    Header(Header),
    Turn(TurnRecord),
    /// The trainee took back turn `turn` (practice mode only).
    Undo {
        turn: u32,
    },
    End {
        reason: End,
        outcome: Outcome,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub greenlight: String,
    pub scenario: String,
    pub persona: String,
    pub model: String,
    /// A fingerprint of the scenario, persona and model files the session ran on.
    pub content_hash: String,
    pub seed: u64,
    pub mode: String,
    pub trainee: Option<String>,
    pub started: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TurnRecord {
    pub turn: u32,
    /// Exactly what the trainee typed.
    pub line: String,
    pub primary: Move,
    pub moves: Vec<Move>,
    pub reply: String,
    pub cue: Option<String>,
    pub step: Step,
    pub light: Light,
    pub objection: Option<String>,
    pub lit_up: bool,
}

/// Where records go: a file, or memory when the file cannot be written.
pub struct Journal {
    file: Option<File>,
    path: Option<PathBuf>,
    /// Every line written, so a session that lost its file can still be saved elsewhere.
    lines: Vec<String>,
}

/// A write to disk failed: the journal has switched to memory.
#[derive(Debug)]
pub struct WriteFailed {
    pub path: PathBuf,
    pub error: io::Error,
}

impl Journal {
    /// A new transcript at `path`; refuses to overwrite one that exists.
    pub fn create(path: &Path) -> io::Result<Journal> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(folder)?;
        }
        let file = OpenOptions::new().write(true).create_new(true).open(path)?;
        sync_folder(path)?;
        Ok(Journal {
            file: Some(file),
            path: Some(path.to_owned()),
            lines: Vec::new(),
        })
    }

    /// Continues the transcript at `path`, dropping a torn last line first.
    pub fn reopen(path: &Path, loaded: &Loaded) -> io::Result<Journal> {
        let file = OpenOptions::new().write(true).open(path)?;
        file.set_len(loaded.complete_bytes)?;
        file.sync_all()?;
        drop(file);
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(Journal {
            file: Some(file),
            path: Some(path.to_owned()),
            lines: loaded.lines.clone(),
        })
    }

    /// A journal that only keeps records in memory.
    pub fn in_memory() -> Journal {
        Journal {
            file: None,
            path: None,
            lines: Vec::new(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn on_disk(&self) -> bool {
        self.file.is_some()
    }

    /// Where the transcript is being saved, if it is.
    pub fn saved_path(&self) -> Option<&Path> {
        self.path.as_deref().filter(|_| self.on_disk())
    }

    /// Appends one record and makes it durable. If the disk fails, the journal keeps the
    /// record in memory from then on and reports the failure once.
    pub fn append(&mut self, record: &Record) -> Result<(), WriteFailed> {
        // Serializing plain data cannot fail; an empty line would be a bug, not data loss.
        let line = serde_json::to_string(record).unwrap_or_default();
        self.lines.push(line.clone());
        let Some(file) = &mut self.file else {
            return Ok(());
        };
        let written = file
            .write_all(line.as_bytes())
            .and_then(|()| file.write_all(b"\n"))
            .and_then(|()| file.sync_data());
        match written {
            Ok(()) => Ok(()),
            Err(error) => {
                self.file = None;
                Err(WriteFailed {
                    path: self.path.clone().unwrap_or_default(),
                    error,
                })
            }
        }
    }

    /// Writes everything recorded so far to `path`, atomically: a temporary file in the
    /// same folder, synced, renamed over the target, and the folder synced.
    pub fn save_as(&mut self, path: &Path) -> io::Result<()> {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(folder)?;
        let mut temp = tempfile::NamedTempFile::new_in(folder)?;
        for line in &self.lines {
            temp.write_all(line.as_bytes())?;
            temp.write_all(b"\n")?;
        }
        temp.as_file().sync_all()?;
        temp.persist(path).map_err(|e| e.error)?;
        sync_folder(path)?;
        self.file = Some(OpenOptions::new().append(true).open(path)?);
        self.path = Some(path.to_owned());
        Ok(())
    }
}

/// Makes a new or renamed file's directory entry durable.
fn sync_folder(path: &Path) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Opening a directory to sync it works on Unix; elsewhere there is nothing to do.
    if cfg!(unix) {
        File::open(folder)?.sync_all()?;
    }
    Ok(())
}

/// A transcript read back.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub header: Header,
    pub records: Vec<Record>,
    /// The raw lines kept, for continuing the journal.
    lines: Vec<String>,
    /// The length of the file up to its last complete record.
    complete_bytes: u64,
    /// The 1-based line number of a torn or unreadable last line that was dropped.
    pub dropped_line: Option<usize>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read the transcript: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}: the file is empty: it is not a greenlight transcript")]
    Empty { path: String },
    #[error("{path}:{line}: {message}")]
    Bad {
        path: String,
        line: usize,
        message: String,
    },
}

impl Loaded {
    /// The trainee's lines as they stand after undos, in order.
    pub fn trainee_lines(&self) -> Vec<String> {
        self.surviving_turns().into_iter().map(|t| t.line).collect()
    }

    /// The turn records that stand after undos, in order.
    pub fn surviving_turns(&self) -> Vec<TurnRecord> {
        let mut turns: Vec<TurnRecord> = Vec::new();
        for record in &self.records {
            match record {
                Record::Turn(t) => turns.push(t.clone()),
                Record::Undo { .. } => {
                    turns.pop();
                }
                _ => {}
            }
        }
        turns
    }

    pub fn ended(&self) -> Option<(End, Outcome)> {
        self.records.iter().rev().find_map(|r| match r {
            Record::End { reason, outcome } => Some((*reason, *outcome)),
            _ => None,
        })
    }
}

/// Reads a transcript, tolerating a torn last line (the process was killed mid-write).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|source| LoadError::Read {
        path: shown.clone(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: shown });
    }
    let mut records = Vec::new();
    let mut lines = Vec::new();
    let mut complete_bytes = 0u64;
    let mut dropped_line = None;
    let pieces: Vec<&str> = text.split_inclusive('\n').collect();
    for (index, piece) in pieces.iter().enumerate() {
        let number = index + 1;
        let is_last = index + 1 == pieces.len();
        let line = piece.trim_end_matches(['\n', '\r']);
        let complete = piece.ends_with('\n');
        match serde_json::from_str::<Record>(line) {
            // Only the last piece can lack its newline.
            Ok(record) if complete => {
                records.push(record);
                lines.push(line.to_owned());
                complete_bytes += piece.len() as u64;
            }
            _ if is_last => dropped_line = Some(number),
            parsed => {
                let message = match parsed {
                    Err(err) => format!("not a transcript record: {err}"),
                    Ok(_) => "an incomplete record before the end of the file".to_owned(),
                };
                return Err(LoadError::Bad {
                    path: shown,
                    line: number,
                    message,
                });
            }
        }
    }
    let header = match records.first() {
        Some(Record::Header(header)) => header.clone(),
        _ => {
            return Err(LoadError::Bad {
                path: shown,
                line: 1,
                message: "expected the transcript's header record first".into(),
            });
        }
    };
    if header.format > FORMAT {
        return Err(LoadError::Bad {
            path: shown,
            line: 1,
            message: format!(
                "transcript format {} is newer than this greenlight understands ({FORMAT}): update greenlight",
                header.format
            ),
        });
    }
    Ok(Loaded {
        header,
        records,
        lines,
        complete_bytes,
        dropped_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A disk that fills up in the middle of a session: `/dev/full` accepts the open and
    /// fails every write with "no space left on device".
    #[cfg(target_os = "linux")]
    #[test]
    fn a_disk_that_fills_mid_session_loses_no_turn() {
        let folder = tempfile::tempdir().expect("a temp dir");
        let mut journal = Journal::create(&folder.path().join("t.jsonl")).expect("created");
        journal
            .append(&Record::Undo { turn: 1 })
            .expect("the disk still has room");
        journal.file = Some(
            OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full opens"),
        );
        let failed = journal
            .append(&Record::Undo { turn: 2 })
            .expect_err("a full disk is reported");
        assert_eq!(failed.error.raw_os_error(), Some(28), "ENOSPC: {failed:?}");
        assert!(!journal.on_disk(), "the journal moved to memory");
        assert!(journal.saved_path().is_none(), "nothing claims to be saved");
        journal
            .append(&Record::Undo { turn: 3 })
            .expect("memory keeps taking turns, without a second report");

        let elsewhere = folder.path().join("elsewhere/t.jsonl");
        journal.save_as(&elsewhere).expect("saved elsewhere");
        journal
            .append(&Record::Undo { turn: 4 })
            .expect("and the new file takes the next turn");
        let saved = fs::read_to_string(&elsewhere).expect("readable");
        let turns: Vec<&str> = saved.lines().collect();
        assert_eq!(
            turns,
            [
                r#"{"record":"undo","turn":1}"#,
                r#"{"record":"undo","turn":2}"#,
                r#"{"record":"undo","turn":3}"#,
                r#"{"record":"undo","turn":4}"#,
            ],
            "every turn, before, during and after the failure"
        );
    }
}
