//! Where greenlight keeps things, by the XDG conventions: content you write in the config
//! folder, transcripts in the data folder, line history in the state folder.

use std::path::PathBuf;

fn xdg(variable: &str, fallback: &str) -> Option<PathBuf> {
    std::env::var_os(variable)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(fallback))
        })
        .map(|base| base.join("greenlight"))
}

/// `$XDG_CONFIG_HOME/greenlight`, or `~/.config/greenlight`: a trainer's own content.
pub fn config() -> Option<PathBuf> {
    xdg("XDG_CONFIG_HOME", ".config")
}

/// `$XDG_DATA_HOME/greenlight/transcripts`, or `~/.local/share/greenlight/transcripts`.
pub fn transcripts() -> Option<PathBuf> {
    xdg("XDG_DATA_HOME", ".local/share").map(|d| d.join("transcripts"))
}

/// `$XDG_STATE_HOME/greenlight/history`, or `~/.local/state/greenlight/history`.
pub fn history() -> Option<PathBuf> {
    xdg("XDG_STATE_HOME", ".local/state").map(|d| d.join("history"))
}
