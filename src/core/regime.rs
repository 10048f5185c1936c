//! Cycles (month or fortnight) and the 月读 / 月讲 / 月学 rules.
//!
//! The thresholds live in [`Rules`], read from the `[cycle] [read] [talk] [study]`
//! tables of the config; defaults are the ones SPEC.md fixes.

use serde::{Deserialize, Serialize};

/// How long one cycle is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CycleLength {
    /// A calendar month, named like `2026-11`.
    #[default]
    Month,
    /// Half a month: days 1-15 (`2026-11a`) and 16-end (`2026-11b`).
    Fortnight,
}

/// `[cycle]` in config.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct CycleRules {
    /// `month` or `fortnight`.
    pub length: CycleLength,
}

/// `[read]` in config: what 月读 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadRules {
    /// Units of the cycle that must be read.
    pub units: u32,
    /// Characters the reflection needs (whitespace not counted).
    pub reflection_min_chars: u32,
    /// Seconds a member must spend in a unit for it to count as read.
    pub min_seconds: u64,
    /// Seconds without a key press after which reading time stops counting.
    pub idle_seconds: u64,
}

impl Default for ReadRules {
    fn default() -> Self {
        ReadRules {
            units: 4,
            reflection_min_chars: 300,
            min_seconds: 120,
            idle_seconds: 300,
        }
    }
}

/// `[talk]` in config: what 月讲 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TalkRules {
    /// Characters the outline needs.
    pub outline_min_chars: u32,
}

impl Default for TalkRules {
    fn default() -> Self {
        TalkRules {
            outline_min_chars: 100,
        }
    }
}

/// `[study]` in config: what 月学 asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StudyRules {
    /// Lowest passing score of the cycle test, 0-100.
    pub pass_score: u32,
    /// Characters the survey needs.
    pub survey_min_chars: u32,
    /// Questions drawn for the cycle test.
    pub questions: u32,
}

impl Default for StudyRules {
    fn default() -> Self {
        StudyRules {
            pass_score: 80,
            survey_min_chars: 300,
            questions: 10,
        }
    }
}

/// Every threshold of the regime.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rules {
    /// Cycle length.
    pub cycle: CycleRules,
    /// 月读.
    pub read: ReadRules,
    /// 月讲.
    pub talk: TalkRules,
    /// 月学.
    pub study: StudyRules,
}
