#pragma once

#include <cstddef>
#include <list>
#include <utility>

namespace frontline::render {

// The `capacity` most recently used values by key; get() makes a missing one with `make()` and drops
// the least recently used beyond capacity. Meshes of hundreds of states would otherwise all stay in
// memory for a frame that shows one or two. A reference from get() stays valid until its entry is
// dropped: at least until capacity − 1 other keys have been asked for since.
template <typename Key, typename Value>
class RecentCache {
public:
    explicit RecentCache(std::size_t capacity) : m_capacity(capacity < 1 ? 1 : capacity) {}

    template <typename Make>
    Value& get(const Key& key, Make&& make) {
        for (auto it = m_items.begin(); it != m_items.end(); ++it) {
            if (it->first == key) {
                m_items.splice(m_items.begin(), m_items, it);
                return m_items.front().second;
            }
        }
        m_items.emplace_front(key, make());
        if (m_items.size() > m_capacity) m_items.pop_back();
        return m_items.front().second;
    }

    std::size_t size() const { return m_items.size(); }

private:
    std::size_t m_capacity;
    std::list<std::pair<Key, Value>> m_items;  // most recent first
};

}  // namespace frontline::render
