//! Quote status and the transitions a quote may make.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Where a quote stands (design plan 7.2.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStatus {
    /// Being prepared.
    Draft,
    /// Awaiting internal approval.
    Pending,
    /// Sent to the customer.
    Sent,
    /// Accepted by the customer.
    Approved,
    /// Declined by the customer.
    Rejected,
    /// Past its validity date.
    Expired,
}

/// A refused status change (code `ERR_QUOTE_001`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusError {
    /// Current status.
    pub from: QuoteStatus,
    /// Asked status.
    pub to: QuoteStatus,
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed: Vec<&str> = self.from.next().iter().map(|s| s.as_str()).collect();
        write!(
            f,
            "ERR_QUOTE_001: a {} quote cannot become {}; it can become: {}",
            self.from,
            self.to,
            if allowed.is_empty() {
                "nothing (revise it instead)".to_owned()
            } else {
                allowed.join(", ")
            }
        )
    }
}

impl std::error::Error for StatusError {}

impl QuoteStatus {
    /// Every status.
    pub const ALL: [QuoteStatus; 6] = [
        QuoteStatus::Draft,
        QuoteStatus::Pending,
        QuoteStatus::Sent,
        QuoteStatus::Approved,
        QuoteStatus::Rejected,
        QuoteStatus::Expired,
    ];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Draft => "draft",
            QuoteStatus::Pending => "pending",
            QuoteStatus::Sent => "sent",
            QuoteStatus::Approved => "approved",
            QuoteStatus::Rejected => "rejected",
            QuoteStatus::Expired => "expired",
        }
    }

    /// The statuses reachable in one step. Approved, rejected and expired quotes are final: a
    /// change means a new revision, which starts as a draft.
    pub fn next(self) -> &'static [QuoteStatus] {
        use QuoteStatus::*;
        match self {
            Draft => &[Pending, Sent, Expired],
            Pending => &[Draft, Sent, Expired],
            Sent => &[Approved, Rejected, Expired],
            Approved | Rejected | Expired => &[],
        }
    }

    /// Move to `to`, or say why not.
    pub fn transition(self, to: QuoteStatus) -> Result<QuoteStatus, StatusError> {
        if self.next().contains(&to) {
            Ok(to)
        } else {
            Err(StatusError { from: self, to })
        }
    }
}

impl fmt::Display for QuoteStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for QuoteStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        QuoteStatus::ALL
            .iter()
            .find(|q| q.as_str() == s)
            .copied()
            .ok_or_else(|| format!("`{s}` is not a quote status (draft, pending, sent, approved, rejected, expired)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert_eq!(
            QuoteStatus::Draft.transition(QuoteStatus::Sent),
            Ok(QuoteStatus::Sent)
        );
        assert!(QuoteStatus::Sent.transition(QuoteStatus::Approved).is_ok());
        assert!(
            QuoteStatus::Approved
                .transition(QuoteStatus::Draft)
                .is_err()
        );
        assert!(
            QuoteStatus::Draft
                .transition(QuoteStatus::Approved)
                .is_err()
        );
        let e = QuoteStatus::Draft
            .transition(QuoteStatus::Approved)
            .expect_err("refused");
        assert!(e.to_string().contains("ERR_QUOTE_001"));
        for s in QuoteStatus::ALL {
            assert!(!s.next().contains(&s), "{s} loops to itself");
            assert_eq!(s.as_str().parse::<QuoteStatus>(), Ok(s));
        }
    }
}
