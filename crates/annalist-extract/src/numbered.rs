//! Item ids: a letter and a number ("m12", "e3", "c1", "t7").

/// `prefix` followed by `n` in decimal: what `format!("{prefix}{n}")` gives, written without
/// the formatting machinery, which costs more than the rest of the string (one id is made per
/// mention, event, claim and time expression).
pub(crate) fn numbered_id(prefix: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(prefix.len_utf8() + digits.len() - at);
    id.push(prefix);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_written_as_format_writes_them() {
        for prefix in ['m', 'e', 'c', 't'] {
            for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
                assert_eq!(super::numbered_id(prefix, n), format!("{prefix}{n}"));
            }
        }
    }
}
