//! The test helper shared by the end-to-end tests: one run of the real binary in an
//! isolated environment.

// Each test binary uses a different part of this helper.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// One run of `greenlight` in a clean, isolated environment: its own HOME and config
/// folder, no colour or content settings leaking in from the machine.
pub struct Test {
    pub dir: tempfile::TempDir,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("a temp dir"),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Writes a file under the test's folder.
    pub fn file(self, relative: &str, contents: &str) -> Test {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
        self
    }

    pub fn path(&self, relative: &str) -> String {
        self.dir.path().join(relative).display().to_string()
    }

    pub fn command(&self) -> Command {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin!("greenlight"));
        command
            .args(&self.args)
            .current_dir(self.dir.path())
            .env("HOME", self.dir.path().join("home"))
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_STATE_HOME")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("GREENLIGHT_NO_HISTORY")
            .env_remove("GREENLIGHT_PATH")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE");
        for (key, value) in &self.env {
            command.env(key, value);
        }
        command
    }

    pub fn run(&self) -> Run {
        let output = self.command().output().expect("greenlight runs");
        Run {
            code: output.status.code().expect("an exit code, not a signal"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    pub fn succeeds(&self) -> Run {
        let run = self.run();
        assert_eq!(
            run.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run
    }

    pub fn fails(&self, code: i32) -> Run {
        let run = self.run();
        assert_eq!(
            run.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run
    }
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

impl Test {
    /// The same folder, for the next run: arguments and environment cleared.
    pub fn reset(mut self) -> Test {
        self.args.clear();
        self.env.clear();
        self
    }

    /// A path inside the test's folder.
    pub fn join(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }
}

/// The trainee's lines of the reference conversation that follows the model with Marisol
/// (seed 41), from tests/conversations/boiler-4c.toml, one a line ("" is silence).
pub fn model_lines() -> String {
    let fixture: toml::Table = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/conversations/boiler-4c.toml"
        ))
        .expect("the boiler-4c reference conversations"),
    )
    .expect("valid TOML");
    let conversations = fixture["conversation"].as_array().expect("conversations");
    let model = conversations
        .iter()
        .find(|c| c["name"].as_str() == Some("model"))
        .expect("a model conversation");
    model["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| format!("{}\n", l.as_str().expect("a line")))
        .collect()
}
