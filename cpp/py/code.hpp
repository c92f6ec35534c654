// Bytecode: 32-bit instructions (8-bit opcode, 24-bit argument) in a Code object
// with its constants, names and a line per instruction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "value.hpp"

namespace nl::py
{
    enum class Op : std::uint8_t
    {
        nop,
        pop_top,
        dup_top,
        dup_top_two,
        rot_two,
        rot_three,
        rot_four,
        load_const,      // consts[arg]
        load_small_int,  // arg as an int
        load_none,
        load_true,
        load_false,
        load_fast,  // slots[arg]; UnboundLocalError when unbound
        store_fast,
        delete_fast,
        load_deref,  // the cell in slots[arg]
        store_deref,
        delete_deref,
        make_cell,     // slots[arg] = Cell(slots[arg])
        load_closure,  // the cell in slots[arg] itself (for make_function)
        load_global,   // module global slot arg, then builtins
        store_global,
        delete_global,
        load_attr,  // names[arg]
        store_attr,
        delete_attr,
        load_method,     // names[arg]: pushes (function, self) or (callable, undefined)
        call_method,     // arg positional arguments after (function, self)
        call_method_kw,  // as call_method, with the tuple of keyword names on top
        binary,          // BinOp(arg)
        inplace,         // BinOp(arg), in place for lists
        unary,           // UnOp(arg)
        compare,         // CmpOp(arg)
        binary_subscr,
        store_subscr,  // TOS1[TOS] = TOS2
        delete_subscr,
        build_slice,  // arg 2 or 3
        build_list,
        build_tuple,
        build_dict,   // arg key/value pairs
        list_append,  // list at depth arg below TOS
        list_extend,  // list at depth arg below TOS, extended by the iterable on top
        dict_set,     // dict at depth arg below (key, value)
        dict_update,  // dict at depth arg below the mapping on top
        list_to_tuple,
        unpack_sequence,  // arg items
        unpack_ex,        // arg: before | after << 12
        jump,
        pop_jump_if_false,
        pop_jump_if_true,
        jump_if_false_or_pop,
        jump_if_true_or_pop,
        get_iter,
        for_iter,       // next item pushed, or pop the iterator and jump to arg
        call,           // arg positional arguments
        call_kw,        // arg arguments; the tuple of keyword names on top
        call_ex,        // arg & 1: a kwargs dict on top of the args tuple
        make_function,  // arg flags: 1 defaults tuple, 2 kwdefaults tuple, 4 closure tuple; code on top
        return_value,
        import_name,  // names[arg]
        import_from,  // names[arg] from the module on top (kept)
        import_star,
        format_value,   // arg: conversion (0, 's', 'r', 'a') | 0x100 with a spec on top
        build_string,   // concatenate arg strings
        raise_varargs,  // arg 1, or 2 with a cause
        load_assertion_error,
        count
    };

    inline std::uint32_t encode(Op op, std::uint32_t arg = 0) { return std::uint32_t(op) | (arg << 8); }
    inline Op opcode(std::uint32_t ins) { return Op(ins & 0xff); }
    inline std::uint32_t oparg(std::uint32_t ins) { return ins >> 8; }
    inline constexpr std::uint32_t max_oparg = (1u << 24) - 1;

    struct Str;

    struct Code : Obj
    {
        static constexpr Kind kind_id = Kind::code;
        Code() : Obj(kind_id) {}
        void trace(Tracer& t) override
        {
            t.mark(consts);
            for (Str* s : names)
                t.mark(reinterpret_cast<Obj*>(s));
            for (Str* s : varnames)
                t.mark(reinterpret_cast<Obj*>(s));
        }
        std::size_t bytes() const override
        {
            return sizeof(*this) + code.capacity() * 8 + consts.capacity() * sizeof(Value) +
                   (names.capacity() + varnames.capacity()) * sizeof(void*);
        }

        std::string name;      // "f", "<lambda>", "<listcomp>", "<module>"
        std::string qualname;  // "outer.<locals>.f", used in argument errors
        std::string filename;
        std::vector<std::uint32_t> code;
        std::vector<std::int32_t> lines;  // source line of each instruction
        std::vector<Value> consts;
        std::vector<Str*> names;     // attribute, method and module names
        std::vector<Str*> varnames;  // every slot: parameters, locals, then free variables
        int positional = 0;          // positional parameters
        int keyword_only = 0;        // keyword-only parameters (after the positional ones)
        bool varargs = false;        // *args slot follows the keyword-only ones
        bool kwargs = false;         // **kwargs slot follows
        int nlocals = 0;             // slots for parameters and locals
        int nfree = 0;               // free-variable cells after the locals
        int max_stack = 0;
        int first_line = 0;
        std::vector<int> cell_slots;  // locals captured by inner functions
        bool is_comprehension = false;
    };
}
