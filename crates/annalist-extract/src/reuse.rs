//! Buffers kept from one document to the next.

/// `list` emptied, its allocation kept for items of another type of the same size and
/// alignment: in practice the same type with another lifetime, so that a buffer of items
/// borrowing one document's text can hold the next document's. (Collecting an emptied
/// vector's iterator into a vector of such a type reuses its buffer in place; for other types
/// it gives a new, empty vector.)
pub(crate) fn emptied<A, B>(mut list: Vec<A>) -> Vec<B> {
    list.clear();
    list.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_emptied_list_of_another_lifetime_keeps_its_allocation() {
        let text = String::from("borrowed");
        let list: Vec<&str> = Vec::with_capacity(100);
        let mut list: Vec<&str> = super::emptied(list);
        list.push(&text);
        let capacity = list.capacity();
        let emptied: Vec<&'static str> = super::emptied(list);
        assert!(emptied.is_empty() && emptied.capacity() == capacity && capacity >= 100);
    }
}
