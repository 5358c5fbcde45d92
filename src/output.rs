//! Writing to stdout so that `greenlight list | head -1` ends quietly.
//!
//! Rust ignores SIGPIPE, so `println!` panics when the reader goes away. Commands write
//! through [`Out`] and return its errors; [`crate::Error::Output`] of kind `BrokenPipe` is
//! then a quiet, successful exit.

use std::io::{self, Write};

/// Buffered stdout; JSON and tables alike go through here.
pub struct Out {
    inner: io::BufWriter<io::Stdout>,
}

impl Out {
    pub fn stdout() -> Out {
        Out {
            inner: io::BufWriter::new(io::stdout()),
        }
    }

    pub fn line(&mut self, text: &str) -> io::Result<()> {
        self.inner.write_all(text.as_bytes())?;
        self.inner.write_all(b"\n")
    }

    /// One JSON value on one line.
    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.inner, value)?;
        self.inner.write_all(b"\n")
    }

    /// A JSON value, indented for people reading `show --json`.
    pub fn json_pretty<T: serde::Serialize>(&mut self, value: &T) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.inner, value)?;
        self.inner.write_all(b"\n")
    }

    pub fn raw(&mut self) -> &mut impl Write {
        &mut self.inner
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
