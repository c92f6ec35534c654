// The heap: every object of a run, in one list, freed by mark and sweep. The
// interpreter marks its roots (stack, frames, globals, modules...), the objects
// mark what they reference, and every unmarked object is deleted. When the run
// ends, everything is deleted, so nothing leaks, cycles included.
#pragma once

#include <cstddef>
#include <functional>
#include <utility>

#include "value.hpp"

namespace nl::py
{
    class Heap : public Tracer
    {
    public:
        Heap() = default;
        Heap(const Heap&) = delete;
        Heap& operator=(const Heap&) = delete;
        ~Heap() { free_all(); }

        /// A new object, owned by the heap.
        template <class T, class... A>
        T* make(A&&... args)
        {
            T* o = new T(std::forward<A>(args)...);
            o->gc_next = m_objects;
            m_objects = o;
            m_bytes += o->bytes();
            ++m_count;
            if (m_bytes >= m_next_gc && interrupt)
                interrupt();
            return o;
        }

        /// Records that an object grew (or shrank) by `delta` bytes.
        void account(std::ptrdiff_t delta)
        {
            m_bytes = std::size_t(std::ptrdiff_t(m_bytes) + delta);
            if (m_bytes >= m_next_gc && interrupt)
                interrupt();
        }
        std::size_t bytes() const { return m_bytes; }
        std::size_t count() const { return m_count; }
        /// True when enough was allocated since the last collection to run one.
        bool wants_collection() const { return m_bytes >= m_next_gc || stress; }
        /// Collect at every safe point (tests: finds values a native forgot to root).
        bool stress = false;
        /// Called when enough was allocated to want a collection: the interpreter
        /// then collects at its next safe point.
        std::function<void()> interrupt;

        /// Marks from the roots (the caller marks them before calling), then frees
        /// everything unmarked.
        void collect_marked();
        void free_all();

    private:
        Obj* m_objects = nullptr;
        std::size_t m_bytes = 0;
        std::size_t m_count = 0;
        std::size_t m_next_gc = std::size_t(4) << 20;
    };
}
