//! The command line, declared with clap's derive API. Doc comments are the help text.

use crate::session::Mode;
use crate::style::ColorChoice;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const CREDIT: &str = "greenlight teaches the six-step one-on-one from \"Steps in a One-on-One \
Organizing Conversation\" by Katey Lauer and Andrew Willis Garcés, Training for Change \
(CC BY-NC-ND 4.0), described in greenlight's own words.";

const EXAMPLES: &str = "\
Examples:
  greenlight                           Practise the default scenario
  greenlight practice -s five-west-stairwell --mode exam
  greenlight list                      The scenarios you can practise
  greenlight list personas --json      Personas, as JSON for scripts
  greenlight show boiler-4c            A scenario's briefing
  greenlight --content ~/club check    Check your own personas and scenarios
  greenlight check my-persona.toml     Check one file

Content is read from the bundled files, then ~/.config/greenlight, then each folder in
GREENLIGHT_PATH (separated by ':'), then each --content folder; a later file with the same
kind and id replaces an earlier one. The format: docs/content-format.md.";

/// Practise one-on-one organizing conversations against scripted personas.
#[derive(Debug, Parser)]
#[command(
    name = "greenlight",
    version,
    about,
    long_about = format!(
        "Practise one-on-one organizing conversations against scripted personas: a tenant, a \
         night-shift nurse, a student. You play the organizer; a scorer compares your path \
         with the six steps of a good one-on-one.\n\n{CREDIT}"
    ),
    after_help = "Run `greenlight --help` for examples and credits.",
    after_long_help = EXAMPLES,
)]
pub struct Cli {
    /// Read personas, scenarios and models from DIR too (repeatable; later wins)
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Vec<PathBuf>,

    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Practise a conversation (the default command)
    #[command(
        long_about = "Practise a one-on-one conversation. At a terminal you type your lines and \
                      the persona answers; type /help for commands. With --input, or with \
                      standard input piped, each input line is one of your turns (an empty line \
                      is silence, /end ends). Every turn is saved to a transcript as you go.",
        after_help = "Examples:\n  greenlight practice\n  greenlight practice --scenario five-west-stairwell --mode realistic\n  \
                      greenlight practice --scenario boiler-4c --seed 41 --input lines.txt\n  \
                      greenlight practice --resume ~/.local/share/greenlight/transcripts/boiler-4c-20261124-0915.jsonl"
    )]
    Practice(PracticeArgs),
    /// List scenarios, personas or models
    List {
        /// What to list
        #[arg(value_enum, default_value_t = Listing::Scenarios)]
        what: Listing,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show a scenario's briefing: the person, the place, the campaign and the ask
    Show {
        /// A scenario id, as `greenlight list` shows it
        scenario: String,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Read a line as organizer moves, as the engine would
    #[command(
        long_about = "Read a line as organizer moves, as the engine would: its primary move (the \
                      one the persona answers) and every move in it, in order. With no TEXT, reads \
                      standard input, one line per utterance (an empty line is silence), and prints \
                      one JSON object per line.",
        after_help = "Examples:\n  greenlight classify \"So the heat went out four times. Who is responsible?\"\n  \
                      greenlight classify --explain Why does that matter to you?\n  \
                      printf 'Hi, I am Sam from 2B\\n\\nWill you come Thursday?\\n' | greenlight classify"
    )]
    Classify {
        /// The line to read (quotes optional)
        text: Vec<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Show the cues that decided each move
        #[arg(long)]
        explain: bool,
    },
    /// Score transcripts against the model: a total, the areas, findings turn by turn
    #[command(
        long_about = "Score transcripts against the six-step model. Each transcript is replayed: \
                      the trainee's lines go through the engine again with the recorded seed and the \
                      current content, and a transcript whose recorded replies differ from the \
                      replay, or whose content has changed, is reported as altered (exit 1), never \
                      scored as written.",
        after_help = "Examples:\n  greenlight score ~/.local/share/greenlight/transcripts/*.jsonl\n  \
                      greenlight score --csv homework/*.jsonl > grades.csv\n  greenlight score --json session.jsonl"
    )]
    Score {
        /// Transcripts to score
        #[arg(required = true, value_name = "TRANSCRIPT")]
        transcripts: Vec<PathBuf>,
        /// One JSON object per transcript, a line each
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// A CSV table, one row per transcript
        #[arg(long)]
        csv: bool,
        /// Score with this rubric instead of the bundled one
        #[arg(long, value_name = "FILE")]
        rubric: Option<PathBuf>,
    },
    /// Replay a transcript turn by turn, with how each line was read, the lights and findings
    Replay {
        /// The transcript to replay
        transcript: PathBuf,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Score with this rubric instead of the bundled one
        #[arg(long, value_name = "FILE")]
        rubric: Option<PathBuf>,
    },
    /// Check personas, scenarios and models for mistakes
    #[command(
        long_about = "Check personas, scenarios and models for mistakes. With no PATH, checks \
                      everything that would be loaded; with PATHs, checks those files and \
                      folders (against everything else, so references to bundled personas \
                      resolve). Reports every problem as path:line:col: message, and exits 1 if \
                      there is any."
    )]
    Check {
        /// Files or folders to check
        paths: Vec<PathBuf>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Example: greenlight completions bash > ~/.local/share/bash-completion/completions/greenlight"
    )]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    #[command(after_help = "Example: greenlight man | man -l -")]
    Man,
}

#[derive(Debug, Default, clap::Args)]
pub struct PracticeArgs {
    /// The scenario to practise (default: the bundled first lesson)
    #[arg(long, short, value_name = "ID")]
    pub scenario: Option<String>,
    /// Seed for the persona's choice of words: the same seed and lines give the same conversation
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// coach: lights and hints; realistic: only words and body language; exam: no hints, no undo
    #[arg(long, value_enum, value_name = "MODE")]
    pub mode: Option<Mode>,
    /// Read your lines from FILE (`-` for standard input) instead of the keyboard
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Where to save the transcript (default: a new file in your data folder)
    #[arg(long, value_name = "PATH")]
    pub transcript: Option<PathBuf>,
    /// Continue the conversation in a transcript
    #[arg(long, value_name = "FILE", conflicts_with_all = ["scenario", "seed", "mode", "transcript"])]
    pub resume: Option<PathBuf>,
    /// Your name, recorded in the transcript
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Print JSON Lines events for another program (implies reading lines, not a terminal)
    #[arg(long)]
    pub json: bool,
    /// Do not keep or read line history for this session
    #[arg(long)]
    pub no_history: bool,
    /// Score with this rubric instead of the bundled one
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Listing {
    Scenarios,
    Personas,
    Models,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
