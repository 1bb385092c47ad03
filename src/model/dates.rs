//! The workshop's dates: how a person writes one, and day 2 after day 1.

use jiff::civil::Date;

use super::{ModelError, Session};

/// A date as people write it here, "ÅÅÅÅ-MM-DD" (2026-03-12), and only a day
/// that exists; the one rule for every date field and flag.
pub fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    let shaped = text.len() == 10 && text.as_bytes().get(4) == Some(&b'-');
    shaped.then(|| text.parse::<Date>().ok()).flatten()
}

impl Session {
    /// Sets the workshop dates; day 2 must come after day 1. A two-day program
    /// without a day 2 gets the day after day 1.
    pub fn set_dates(&mut self, day1: Option<Date>, day2: Option<Date>) -> Result<(), ModelError> {
        let two_days = self.program.days.len() > 1;
        let day2 = day2.or_else(|| day1.filter(|_| two_days).and_then(|d| d.tomorrow().ok()));
        if let (Some(d1), Some(d2)) = (day1, day2)
            && d2 <= d1
        {
            return Err(ModelError::Day2BeforeDay1 {
                day1: d1.to_string(),
                day2: d2.to_string(),
            });
        }
        self.day1 = day1;
        self.day2 = day2;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_existing_days_are_dates() {
        assert_eq!(parse_day("2026-03-12"), Date::new(2026, 3, 12).ok());
        assert_eq!(parse_day(" 2026-03-12 "), Date::new(2026, 3, 12).ok());
        for bad in [
            "2026-02-30",
            "2026-3-12",
            "12/3/2026",
            "20260312",
            "",
            "2026-03-12T10:00",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }
}
