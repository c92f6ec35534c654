#include "compiler.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "code.hpp"
#include "vm.hpp"

namespace nl::py
{
    namespace
    {
        // ---------------------------------------------------------------- scopes

        struct Scope
        {
            enum class Type
            {
                module,
                function,
                comprehension
            } type;
            std::string name, qualname;
            Scope* parent = nullptr;
            std::vector<std::unique_ptr<Scope>> children;
            std::vector<std::string> params;  // slot order of the parameters
            std::set<std::string> assigned, used, globals, nonlocals;
            std::vector<std::string> assigned_order;  // first-assignment order, for slot numbering
            // resolved
            std::set<std::string> candidates;  // names that may come from an enclosing function
            std::set<std::string> cells;
            std::vector<std::string> frees;
            std::unordered_map<std::string, int> slot;  // locals and frees
            std::vector<std::string> slot_names;
            int nlocals = 0;

            bool is_local(const std::string& n) const
            {
                return type != Type::module && !globals.count(n) && !nonlocals.count(n) && assigned.count(n);
            }
            void assign(const std::string& n)
            {
                if (assigned.insert(n).second)
                    assigned_order.push_back(n);
            }
        };

        /// Pass 1: which names each scope assigns, uses and declares.
        class ScopeBuilder
        {
        public:
            ScopeBuilder(std::map<const void*, Scope*>& by_node, SyntaxIssue& issue)
                : m_by_node(by_node), m_issue(issue)
            {
            }

            bool failed = false;

            void body(Scope& s, const Body& b)
            {
                for (auto& st : b)
                    stmt(s, *st);
            }

            void fail(const std::string& msg, int line, int col)
            {
                if (failed)
                    return;
                failed = true;
                m_issue.type = "SyntaxError";
                m_issue.message = msg;
                m_issue.line = line;
                m_issue.col = col;
            }

            void stmt(Scope& s, const Stmt& st)
            {
                switch (st.kind)
                {
                case StmtKind::expr:
                    expr(s, st.exprs[0].get());
                    break;
                case StmtKind::assign:
                    expr(s, st.exprs.back().get());
                    for (std::size_t i = 0; i + 1 < st.exprs.size(); ++i)
                        target(s, *st.exprs[i]);
                    break;
                case StmtKind::augassign:
                    expr(s, st.exprs[1].get());
                    if (st.exprs[0]->kind == ExprKind::name)
                        s.used.insert(st.exprs[0]->str);
                    target(s, *st.exprs[0]);
                    break;
                case StmtKind::annassign:
                    if (st.exprs[2])
                        expr(s, st.exprs[2].get());
                    target(s, *st.exprs[0]);
                    break;
                case StmtKind::if_:
                    for (std::size_t i = 0; i < st.exprs.size(); ++i)
                    {
                        expr(s, st.exprs[i].get());
                        body(s, st.branches[i]);
                    }
                    body(s, st.orelse);
                    break;
                case StmtKind::while_:
                    expr(s, st.exprs[0].get());
                    body(s, st.body);
                    body(s, st.orelse);
                    break;
                case StmtKind::for_:
                    expr(s, st.exprs[1].get());
                    target(s, *st.exprs[0]);
                    body(s, st.body);
                    body(s, st.orelse);
                    break;
                case StmtKind::return_:
                    if (!st.exprs.empty())
                        expr(s, st.exprs[0].get());
                    break;
                case StmtKind::def:
                    function(s, *st.func, &st);
                    declare_check(s, st.func->name, st.line, st.col);
                    s.assign(st.func->name);
                    break;
                case StmtKind::global:
                case StmtKind::nonlocal:
                    for (auto& n : st.names)
                    {
                        const bool global = st.kind == StmtKind::global;
                        if (s.params.end() != std::find(s.params.begin(), s.params.end(), n))
                        {
                            fail("name '" + n + "' is parameter and " + (global ? "global" : "nonlocal"), st.line,
                                 st.col);
                            return;
                        }
                        if (s.assigned.count(n) || s.used.count(n))
                        {
                            fail("name '" + n + "' is " + (s.assigned.count(n) ? "assigned to" : "used prior to") +
                                     " " + (global ? "global" : "nonlocal") + " declaration",
                                 st.line, st.col);
                            return;
                        }
                        if (global ? s.nonlocals.count(n) : s.globals.count(n))
                        {
                            fail("name '" + n + "' is nonlocal and global", st.line, st.col);
                            return;
                        }
                        (global ? s.globals : s.nonlocals).insert(n);
                    }
                    break;
                case StmtKind::del:
                    for (auto& e : st.exprs)
                        target(s, *e);
                    break;
                case StmtKind::import:
                    for (std::size_t i = 0; i < st.names.size(); ++i)
                    {
                        const std::string& n = st.names[i];
                        s.assign(st.asnames[i].empty() ? n.substr(0, n.find('.')) : st.asnames[i]);
                    }
                    break;
                case StmtKind::import_from:
                    if (st.names.size() == 1 && st.names[0] == "*")
                    {
                        if (s.type != Scope::Type::module)
                            fail("import * only allowed at module level", st.line, st.col);
                        break;
                    }
                    for (std::size_t i = 0; i < st.names.size(); ++i)
                        s.assign(st.asnames[i].empty() ? st.names[i] : st.asnames[i]);
                    break;
                case StmtKind::raise:
                case StmtKind::assert_:
                    for (auto& e : st.exprs)
                        expr(s, e.get());
                    break;
                default:
                    break;
                }
            }

            void declare_check(Scope&, const std::string&, int, int) {}

            void target(Scope& s, const Expr& e)
            {
                switch (e.kind)
                {
                case ExprKind::name:
                    s.assign(e.str);
                    break;
                case ExprKind::tuple:
                case ExprKind::list:
                    for (auto& k : e.kids)
                        target(s, *k);
                    break;
                case ExprKind::starred:
                    target(s, *e.kids[0]);
                    break;
                default:
                    expr(s, &e);  // attribute / subscript: their parts are loads
                }
            }

            void function(Scope& s, const FunctionDef& fn, const void* node)
            {
                for (auto& p : fn.params)
                    if (p.default_value)
                        expr(s, p.default_value.get());
                auto child = std::make_unique<Scope>();
                child->type = Scope::Type::function;
                child->name = fn.name;
                child->qualname = qualname_prefix(s) + fn.name;
                child->parent = &s;
                // Slot order: positional, keyword-only, *args, **kwargs.
                for (auto kind :
                     {ParamKind::positional, ParamKind::keyword_only, ParamKind::varargs, ParamKind::kwargs})
                    for (auto& p : fn.params)
                        if (p.kind == kind)
                        {
                            child->params.push_back(p.name);
                            child->assign(p.name);
                        }
                m_by_node[node] = child.get();
                body(*child, fn.body);
                s.children.push_back(std::move(child));
            }

            static std::string qualname_prefix(const Scope& s)
            {
                if (s.type == Scope::Type::module)
                    return "";
                return s.qualname + ".<locals>.";
            }

            void comprehension(Scope& s, const Expr& e)
            {
                // The first iterable is evaluated in the enclosing scope.
                expr(s, e.gens[0].iter.get());
                auto child = std::make_unique<Scope>();
                child->type = Scope::Type::comprehension;
                const char* name = e.kind == ExprKind::listcomp   ? "<listcomp>"
                                   : e.kind == ExprKind::dictcomp ? "<dictcomp>"
                                   : e.kind == ExprKind::setcomp  ? "<setcomp>"
                                                                  : "<genexpr>";
                child->name = name;
                child->qualname = qualname_prefix(s) + name;
                child->parent = &s;
                child->params.push_back(".0");
                child->assign(".0");
                for (std::size_t i = 0; i < e.gens.size(); ++i)
                {
                    if (i > 0)
                        expr(*child, e.gens[i].iter.get());
                    target(*child, *e.gens[i].target);
                    for (auto& c : e.gens[i].ifs)
                        expr(*child, c.get());
                }
                for (auto& k : e.kids)
                    expr(*child, k.get());
                m_by_node[&e] = child.get();
                s.children.push_back(std::move(child));
            }

            void expr(Scope& s, const Expr* e)
            {
                if (!e)
                    return;
                switch (e->kind)
                {
                case ExprKind::name:
                    s.used.insert(e->str);
                    return;
                case ExprKind::lambda:
                    function(s, *e->func, e);
                    return;
                case ExprKind::listcomp:
                case ExprKind::dictcomp:
                case ExprKind::setcomp:
                case ExprKind::genexp:
                    comprehension(s, *e);
                    return;
                case ExprKind::namedexpr:
                    if (s.type == Scope::Type::comprehension)
                    {
                        fail("assignment expressions in comprehensions are not supported in NeuronLab's Python",
                             e->line, e->col);
                        return;
                    }
                    expr(s, e->kids[1].get());
                    s.assign(e->kids[0]->str);
                    return;
                default:
                    break;
                }
                for (auto& k : e->kids)
                    expr(s, k.get());
                for (auto& kw : e->keywords)
                    expr(s, kw.value.get());
            }

        private:
            std::map<const void*, Scope*>& m_by_node;
            SyntaxIssue& m_issue;
        };

        /// Pass 2: bottom-up, the names a scope may take from enclosing functions.
        void find_candidates(Scope& s)
        {
            for (auto& c : s.children)
                find_candidates(*c);
            if (s.type == Scope::Type::module)
                return;
            auto consider = [&](const std::string& n)
            {
                if (!s.is_local(n) && !s.globals.count(n))
                    s.candidates.insert(n);
            };
            for (auto& n : s.used)
                consider(n);
            for (auto& n : s.nonlocals)
                s.candidates.insert(n);
            for (auto& c : s.children)
                for (auto& n : c->candidates)
                    consider(n);
        }

        /// Pass 3: top-down, decide locals, cells and free variables; number slots.
        bool resolve(Scope& s, const std::set<std::string>& enclosing, SyntaxIssue& issue)
        {
            if (s.type != Scope::Type::module)
            {
                for (auto& n : s.nonlocals)
                    if (!enclosing.count(n))
                    {
                        issue.type = "SyntaxError";
                        issue.message = "no binding for nonlocal '" + n + "' found";
                        return false;
                    }
                for (auto& n : s.candidates)
                    if (enclosing.count(n))
                        s.frees.push_back(n);
                for (auto& c : s.children)
                    for (auto& n : c->candidates)
                        if (s.is_local(n))
                            s.cells.insert(n);
                // Slots: parameters, other locals in order of first assignment, frees.
                for (auto& p : s.params)
                {
                    s.slot[p] = int(s.slot_names.size());
                    s.slot_names.push_back(p);
                }
                for (auto& n : s.assigned_order)
                    if (s.is_local(n) && !s.slot.count(n))
                    {
                        s.slot[n] = int(s.slot_names.size());
                        s.slot_names.push_back(n);
                    }
                s.nlocals = int(s.slot_names.size());
                for (auto& n : s.frees)
                {
                    s.slot[n] = int(s.slot_names.size());
                    s.slot_names.push_back(n);
                }
            }
            std::set<std::string> inner = enclosing;
            if (s.type != Scope::Type::module)
            {
                for (auto& n : s.globals)
                    inner.erase(n);
                for (auto& n : s.assigned)
                    if (s.is_local(n))
                        inner.insert(n);
            }
            for (auto& c : s.children)
                if (!resolve(*c, inner, issue))
                    return false;
            return true;
        }

        // ---------------------------------------------------------------- stack effects

        /// Stack effect of an instruction; `jump` selects the branch-taken effect.
        int stack_effect(Op op, std::uint32_t arg, bool jump)
        {
            switch (op)
            {
            case Op::nop:
            case Op::rot_two:
            case Op::rot_three:
            case Op::rot_four:
            case Op::delete_fast:
            case Op::delete_deref:
            case Op::make_cell:
            case Op::delete_global:
            case Op::load_attr:
            case Op::unary:
            case Op::list_to_tuple:
            case Op::get_iter:
            case Op::jump:
                return 0;
            case Op::pop_top:
                return -1;
            case Op::dup_top:
                return 1;
            case Op::dup_top_two:
                return 2;
            case Op::load_const:
            case Op::load_small_int:
            case Op::load_none:
            case Op::load_true:
            case Op::load_false:
            case Op::load_fast:
            case Op::load_deref:
            case Op::load_closure:
            case Op::load_global:
            case Op::import_name:
            case Op::import_from:
            case Op::load_assertion_error:
            case Op::load_method:
                return 1;
            case Op::store_fast:
            case Op::store_deref:
            case Op::store_global:
            case Op::delete_attr:
            case Op::binary:
            case Op::inplace:
            case Op::compare:
            case Op::binary_subscr:
            case Op::list_append:
            case Op::list_extend:
            case Op::dict_update:
            case Op::import_star:
            case Op::return_value:
                return -1;
            case Op::store_attr:
            case Op::delete_subscr:
            case Op::dict_set:
                return -2;
            case Op::store_subscr:
                return -3;
            case Op::call_method:
                return -int(arg) - 1;
            case Op::call_method_kw:
                return -int(arg) - 2;
            case Op::build_slice:
            case Op::build_list:
            case Op::build_tuple:
            case Op::build_string:
                return 1 - int(arg);
            case Op::build_dict:
                return 1 - 2 * int(arg);
            case Op::unpack_sequence:
                return int(arg) - 1;
            case Op::unpack_ex:
                return int(arg & 0xfff) + int(arg >> 12);
            case Op::pop_jump_if_false:
            case Op::pop_jump_if_true:
                return -1;
            case Op::jump_if_false_or_pop:
            case Op::jump_if_true_or_pop:
                return jump ? 0 : -1;
            case Op::for_iter:
                return jump ? -1 : 1;
            case Op::call:
                return -int(arg);
            case Op::call_kw:
                return -int(arg) - 1;
            case Op::call_ex:
                return -1 - int(arg & 1);
            case Op::make_function:
                return -int((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1));
            case Op::format_value:
                return (arg & 0x100) ? -1 : 0;
            case Op::raise_varargs:
                return -int(arg);
            case Op::count:
                break;
            }
            return 0;
        }

        bool is_jump(Op op)
        {
            switch (op)
            {
            case Op::jump:
            case Op::pop_jump_if_false:
            case Op::pop_jump_if_true:
            case Op::jump_if_false_or_pop:
            case Op::jump_if_true_or_pop:
            case Op::for_iter:
                return true;
            default:
                return false;
            }
        }

        bool is_terminal(Op op) { return op == Op::jump || op == Op::return_value || op == Op::raise_varargs; }

        /// Maximum stack depth, by flow analysis over every path.
        int compute_stack(Code& code)
        {
            const std::size_t n = code.code.size();
            std::vector<int> depth(n + 1, -1);
            std::vector<std::uint32_t> work;
            int max_depth = 0;
            auto push = [&](std::uint32_t at, int d)
            {
                if (at < n && depth[at] < 0)
                {
                    depth[at] = d;
                    work.push_back(at);
                }
            };
            push(0, 0);
            while (!work.empty())
            {
                std::uint32_t pc = work.back();
                work.pop_back();
                int d = depth[pc];
                while (pc < n)
                {
                    const std::uint32_t ins = code.code[pc];
                    const Op op = opcode(ins);
                    const std::uint32_t arg = oparg(ins);
                    if (is_jump(op))
                    {
                        const int dj = d + stack_effect(op, arg, true);
                        max_depth = std::max(max_depth, dj);
                        push(arg, dj);
                    }
                    d += stack_effect(op, arg, false);
                    max_depth = std::max(max_depth, d);
                    if (is_terminal(op))
                        break;
                    ++pc;
                    if (pc < n && depth[pc] >= 0)
                        break;
                    if (pc < n)
                        depth[pc] = d;
                }
            }
            return max_depth;
        }
    }

    // -------------------------------------------------------------------- codegen

    class Compiler
    {
    public:
        Compiler(Vm& vm, std::string_view filename, SyntaxIssue& issue) : m_vm(vm), m_filename(filename), m_issue(issue)
        {
        }

        Code* module(const Program& prog)
        {
            Scope top;
            top.type = Scope::Type::module;
            top.name = "<module>";
            ScopeBuilder builder(m_scopes, m_issue);
            builder.body(top, prog.body);
            if (builder.failed)
                return nullptr;
            find_candidates(top);
            if (!resolve(top, {}, m_issue))
            {
                if (!m_issue.line)
                    m_issue.line = 1;
                return nullptr;
            }
            Unit u(top, m_vm.heap.make<Code>());
            u.code->name = "<module>";
            u.code->qualname = "<module>";
            u.code->filename = m_filename;
            u.code->first_line = 1;
            m_vm.m_codes.push_back(u.code);
            m_unit = &u;
            body(prog.body);
            emit(Op::load_none);
            emit(Op::return_value);
            if (m_failed)
                return nullptr;
            return finish(u);
        }

    private:
        /// An enclosing loop, for break and continue.
        struct FBlock
        {
            bool is_for;
            std::vector<std::size_t>* breaks;  // jump sites to patch to the loop's end
            std::uint32_t continue_target;
        };

        struct Unit
        {
            Unit(Scope& s, Code* c) : scope(s), code(c) {}
            Scope& scope;
            Code* code;
            std::vector<FBlock> fblocks;
            int line = 0;
            std::map<std::string, std::uint32_t> str_consts;
            std::map<std::string, std::uint32_t> names;
        };

        Code* finish(Unit& u)
        {
            Code& c = *u.code;
            c.max_stack = compute_stack(c) + 1;
            for (auto& n : u.scope.slot_names)
                c.varnames.push_back(m_vm.intern(n));
            c.nlocals = u.scope.type == Scope::Type::module ? 0 : u.scope.nlocals;
            c.nfree = int(u.scope.frees.size());
            for (auto& n : u.scope.cells)
                c.cell_slots.push_back(u.scope.slot.at(n));
            std::sort(c.cell_slots.begin(), c.cell_slots.end());
            if (c.code.size() > max_oparg)
            {
                fail("the program is too long for NeuronLab's Python", 1, 0);
                return nullptr;
            }
            return &c;
        }

        // ------------------------------------------------------------ emitting

        std::size_t emit(Op op, std::uint32_t arg = 0)
        {
            if (arg > max_oparg)
            {
                fail("the program is too long for NeuronLab's Python", m_unit->line, 0);
                arg = 0;
            }
            m_unit->code->code.push_back(encode(op, arg));
            m_unit->code->lines.push_back(m_unit->line);
            return m_unit->code->code.size() - 1;
        }
        std::uint32_t here() const { return std::uint32_t(m_unit->code->code.size()); }
        void patch(std::size_t at, std::uint32_t target)
        {
            auto& ins = m_unit->code->code[at];
            ins = encode(opcode(ins), target);
        }
        void patch_here(std::size_t at) { patch(at, here()); }

        void fail(const std::string& msg, int line, int col)
        {
            if (m_failed)
                return;
            m_failed = true;
            m_issue.type = "SyntaxError";
            m_issue.message = msg;
            m_issue.line = line;
            m_issue.col = col;
        }

        std::uint32_t add_const(Value v)
        {
            m_unit->code->consts.push_back(v);
            return std::uint32_t(m_unit->code->consts.size() - 1);
        }
        std::uint32_t str_const(const std::string& s)
        {
            auto it = m_unit->str_consts.find(s);
            if (it != m_unit->str_consts.end())
                return it->second;
            const std::uint32_t k = add_const(Value::from_obj(m_vm.intern(s)));
            m_unit->str_consts[s] = k;
            return k;
        }
        std::uint32_t name_index(const std::string& s)
        {
            auto it = m_unit->names.find(s);
            if (it != m_unit->names.end())
                return it->second;
            m_unit->code->names.push_back(m_vm.intern(s));
            const auto k = std::uint32_t(m_unit->code->names.size() - 1);
            m_unit->names[s] = k;
            return k;
        }
        std::uint32_t global_slot(const std::string& s)
        {
            Str* name = m_vm.intern(s);
            auto& names = m_vm.m_global_names;
            for (std::size_t i = 0; i < names.size(); ++i)
                if (names[i] == name)
                    return std::uint32_t(i);
            names.push_back(name);
            m_vm.m_globals.push_back(Value::undefined());
            return std::uint32_t(names.size() - 1);
        }

        // ------------------------------------------------------------ names

        enum class Access
        {
            load,
            store,
            del
        };

        void name(const std::string& n, Access a)
        {
            Scope& s = m_unit->scope;
            if (s.type != Scope::Type::module && !s.globals.count(n))
            {
                auto it = s.slot.find(n);
                if (it != s.slot.end())
                {
                    const bool deref = s.cells.count(n) || it->second >= s.nlocals;
                    const std::uint32_t k = std::uint32_t(it->second);
                    if (deref)
                        emit(a == Access::load    ? Op::load_deref
                             : a == Access::store ? Op::store_deref
                                                  : Op::delete_deref,
                             k);
                    else
                        emit(a == Access::load    ? Op::load_fast
                             : a == Access::store ? Op::store_fast
                                                  : Op::delete_fast,
                             k);
                    return;
                }
            }
            const std::uint32_t g = global_slot(n);
            emit(a == Access::load ? Op::load_global : a == Access::store ? Op::store_global : Op::delete_global, g);
        }

        // ------------------------------------------------------------ statements

        void body(const Body& b)
        {
            for (auto& s : b)
            {
                if (m_failed)
                    return;
                stmt(*s);
            }
        }

        void stmt(const Stmt& s)
        {
            m_unit->line = s.line;
            switch (s.kind)
            {
            case StmtKind::expr:
                expr(*s.exprs[0]);
                emit(Op::pop_top);
                break;
            case StmtKind::assign:
                expr(*s.exprs.back());
                for (std::size_t i = 0; i + 1 < s.exprs.size(); ++i)
                {
                    if (i + 2 < s.exprs.size())
                        emit(Op::dup_top);
                    store(*s.exprs[i]);
                }
                break;
            case StmtKind::augassign:
                augassign(s);
                break;
            case StmtKind::annassign:
                if (s.exprs[2])
                {
                    expr(*s.exprs[2]);
                    store(*s.exprs[0]);
                }
                break;
            case StmtKind::if_:
                if_stmt(s);
                break;
            case StmtKind::while_:
                while_stmt(s);
                break;
            case StmtKind::for_:
                for_stmt(s);
                break;
            case StmtKind::break_:
            case StmtKind::continue_:
                jump_out(s.kind == StmtKind::break_);
                break;
            case StmtKind::pass:
                break;
            case StmtKind::return_:
                if (s.exprs.empty())
                    emit(Op::load_none);
                else
                    expr(*s.exprs[0]);
                m_unit->line = s.line;
                emit(Op::return_value);
                break;
            case StmtKind::def:
                function(*s.func, &s);
                name(s.func->name, Access::store);
                break;
            case StmtKind::global:
            case StmtKind::nonlocal:
                break;
            case StmtKind::del:
                for (auto& t : s.exprs)
                    del(*t);
                break;
            case StmtKind::import:
                for (std::size_t i = 0; i < s.names.size(); ++i)
                {
                    const std::string& full = s.names[i];
                    const std::string& as = s.asnames[i];
                    emit(Op::import_name, name_index(full));
                    if (as.empty() && full.find('.') != std::string::npos)
                    {
                        emit(Op::pop_top);
                        const std::string top = full.substr(0, full.find('.'));
                        emit(Op::import_name, name_index(top));
                        name(top, Access::store);
                    }
                    else
                        name(as.empty() ? full : as, Access::store);
                }
                break;
            case StmtKind::import_from:
                emit(Op::import_name, name_index(s.str));
                if (s.names.size() == 1 && s.names[0] == "*")
                {
                    // Every module name the program mentions gets its value.
                    emit(Op::import_star);
                    break;
                }
                for (std::size_t i = 0; i < s.names.size(); ++i)
                {
                    emit(Op::import_from, name_index(s.names[i]));
                    name(s.asnames[i].empty() ? s.names[i] : s.asnames[i], Access::store);
                }
                emit(Op::pop_top);
                break;
            case StmtKind::raise:
                for (auto& e : s.exprs)
                    expr(*e);
                m_unit->line = s.line;
                emit(Op::raise_varargs, std::uint32_t(s.exprs.size()));
                break;
            case StmtKind::assert_:
            {
                expr(*s.exprs[0]);
                const std::size_t ok = emit(Op::pop_jump_if_true);
                m_unit->line = s.line;
                emit(Op::load_assertion_error);
                if (s.exprs.size() > 1)
                {
                    expr(*s.exprs[1]);
                    emit(Op::call, 1);
                }
                emit(Op::raise_varargs, 1);
                patch_here(ok);
                break;
            }
            }
        }

        void augassign(const Stmt& s)
        {
            const Expr& target = *s.exprs[0];
            const auto op = std::uint32_t(s.op);
            switch (target.kind)
            {
            case ExprKind::name:
                name(target.str, Access::load);
                expr(*s.exprs[1]);
                m_unit->line = s.line;
                emit(Op::inplace, op);
                name(target.str, Access::store);
                break;
            case ExprKind::attribute:
                expr(*target.kids[0]);
                emit(Op::dup_top);
                emit(Op::load_attr, name_index(target.str));
                expr(*s.exprs[1]);
                m_unit->line = s.line;
                emit(Op::inplace, op);
                emit(Op::rot_two);
                emit(Op::store_attr, name_index(target.str));
                break;
            case ExprKind::subscript:
                expr(*target.kids[0]);
                index_expr(*target.kids[1]);
                emit(Op::dup_top_two);
                emit(Op::binary_subscr);
                expr(*s.exprs[1]);
                m_unit->line = s.line;
                emit(Op::inplace, op);
                emit(Op::rot_three);
                emit(Op::store_subscr);
                break;
            default:
                fail("illegal expression for augmented assignment", target.line, target.col);
            }
        }

        void if_stmt(const Stmt& s)
        {
            std::vector<std::size_t> ends;
            for (std::size_t i = 0; i < s.exprs.size(); ++i)
            {
                m_unit->line = s.exprs[i]->line;
                expr(*s.exprs[i]);
                const std::size_t next = emit(Op::pop_jump_if_false);
                body(s.branches[i]);
                if (i + 1 < s.exprs.size() || !s.orelse.empty())
                    ends.push_back(emit(Op::jump));
                patch_here(next);
            }
            body(s.orelse);
            for (auto e : ends)
                patch_here(e);
        }

        void while_stmt(const Stmt& s)
        {
            const std::uint32_t top = here();
            expr(*s.exprs[0]);
            const std::size_t exit = emit(Op::pop_jump_if_false);
            std::vector<std::size_t> breaks;
            m_unit->fblocks.push_back({false, &breaks, top});
            body(s.body);
            m_unit->fblocks.pop_back();
            m_unit->line = s.line;
            emit(Op::jump, top);
            patch_here(exit);
            body(s.orelse);
            for (auto b : breaks)
                patch_here(b);
        }

        void for_stmt(const Stmt& s)
        {
            expr(*s.exprs[1]);
            m_unit->line = s.line;
            emit(Op::get_iter);
            const std::uint32_t top = here();
            const std::size_t exit = emit(Op::for_iter);
            store(*s.exprs[0]);
            std::vector<std::size_t> breaks;
            m_unit->fblocks.push_back({true, &breaks, top});
            body(s.body);
            m_unit->fblocks.pop_back();
            m_unit->line = s.line;
            emit(Op::jump, top);
            patch_here(exit);
            body(s.orelse);
            for (auto b : breaks)
                patch_here(b);
        }

        /// break and continue: the parser only allows them inside a loop.
        void jump_out(bool is_break)
        {
            FBlock& b = m_unit->fblocks.back();
            if (!is_break)
            {
                emit(Op::jump, b.continue_target);
                return;
            }
            if (b.is_for)
                emit(Op::pop_top);  // the iterator
            b.breaks->push_back(emit(Op::jump));
        }

        // ------------------------------------------------------------ targets

        void store(const Expr& t)
        {
            switch (t.kind)
            {
            case ExprKind::name:
                name(t.str, Access::store);
                break;
            case ExprKind::attribute:
                expr(*t.kids[0]);
                emit(Op::store_attr, name_index(t.str));
                break;
            case ExprKind::subscript:
                expr(*t.kids[0]);
                index_expr(*t.kids[1]);
                emit(Op::store_subscr);
                break;
            case ExprKind::tuple:
            case ExprKind::list:
            {
                std::size_t star = t.kids.size();
                for (std::size_t i = 0; i < t.kids.size(); ++i)
                    if (t.kids[i]->kind == ExprKind::starred)
                        star = i;
                if (star == t.kids.size())
                    emit(Op::unpack_sequence, std::uint32_t(t.kids.size()));
                else
                {
                    const std::size_t after = t.kids.size() - star - 1;
                    if (star > 0xfff || after > 0xfff)
                        return fail("too many expressions in star-unpacking assignment", t.line, t.col);
                    emit(Op::unpack_ex, std::uint32_t(star | (after << 12)));
                }
                for (auto& k : t.kids)
                    store(k->kind == ExprKind::starred ? *k->kids[0] : *k);
                break;
            }
            default:
                fail("cannot assign to expression", t.line, t.col);
            }
        }

        void del(const Expr& t)
        {
            switch (t.kind)
            {
            case ExprKind::name:
                name(t.str, Access::del);
                break;
            case ExprKind::attribute:
                expr(*t.kids[0]);
                emit(Op::delete_attr, name_index(t.str));
                break;
            case ExprKind::subscript:
                expr(*t.kids[0]);
                index_expr(*t.kids[1]);
                emit(Op::delete_subscr);
                break;
            case ExprKind::tuple:
            case ExprKind::list:
                for (auto& k : t.kids)
                    del(*k);
                break;
            default:
                fail("cannot delete expression", t.line, t.col);
            }
        }

        // ------------------------------------------------------------ functions

        /// Emits code that pushes a new function object for `fn` (def or lambda).
        void function(const FunctionDef& fn, const void* node)
        {
            Scope* scope = m_scopes.at(node);
            std::uint32_t flags = 0;
            // Defaults of positional parameters, in order.
            std::size_t ndefaults = 0;
            for (auto& p : fn.params)
                if (p.kind == ParamKind::positional && p.default_value)
                {
                    expr(*p.default_value);
                    ++ndefaults;
                }
            if (ndefaults)
            {
                emit(Op::build_tuple, std::uint32_t(ndefaults));
                flags |= 1;
            }
            std::size_t nkw = 0;
            bool any_kwdefault = false;
            for (auto& p : fn.params)
                if (p.kind == ParamKind::keyword_only)
                {
                    ++nkw;
                    any_kwdefault = any_kwdefault || p.default_value;
                }
            if (any_kwdefault)
            {
                for (auto& p : fn.params)
                    if (p.kind == ParamKind::keyword_only)
                    {
                        if (p.default_value)
                            expr(*p.default_value);
                        else
                            emit(Op::load_const, add_const(Value::undefined()));
                    }
                emit(Op::build_tuple, std::uint32_t(nkw));
                flags |= 2;
            }
            Code* code = compile_function(*scope, fn);
            if (!code)
                return;
            closure(*scope, flags);
            emit(Op::load_const, add_const(Value::from_obj(code)));
            emit(Op::make_function, flags);
        }

        /// Pushes the tuple of cells a nested scope captures (flag 4), if any.
        void closure(Scope& inner, std::uint32_t& flags)
        {
            if (inner.frees.empty())
                return;
            Scope& s = m_unit->scope;
            for (auto& n : inner.frees)
                emit(Op::load_closure, std::uint32_t(s.slot.at(n)));
            emit(Op::build_tuple, std::uint32_t(inner.frees.size()));
            flags |= 4;
        }

        Code* compile_function(Scope& scope, const FunctionDef& fn)
        {
            Unit u(scope, m_vm.heap.make<Code>());
            m_vm.m_codes.push_back(u.code);
            Code& c = *u.code;
            c.name = fn.name;
            c.qualname = scope.qualname;
            c.filename = m_filename;
            c.first_line = fn.line;
            for (auto& p : fn.params)
            {
                if (p.kind == ParamKind::positional)
                    ++c.positional;
                else if (p.kind == ParamKind::keyword_only)
                    ++c.keyword_only;
                else if (p.kind == ParamKind::varargs)
                    c.varargs = true;
                else
                    c.kwargs = true;
            }
            Unit* saved = m_unit;
            m_unit = &u;
            u.line = fn.line;
            prologue(scope);
            body(fn.body);
            u.line = fn.body.empty() ? fn.line : fn.body.back()->line;
            emit(Op::load_none);
            emit(Op::return_value);
            m_unit = saved;
            if (m_failed)
                return nullptr;
            return finish(u);
        }

        /// Parameters captured by inner functions move into cells first.
        void prologue(Scope& scope)
        {
            for (auto& p : scope.params)
                if (scope.cells.count(p))
                    emit(Op::make_cell, std::uint32_t(scope.slot.at(p)));
            for (auto& n : scope.cells)
                if (std::find(scope.params.begin(), scope.params.end(), n) == scope.params.end())
                    emit(Op::make_cell, std::uint32_t(scope.slot.at(n)));
        }

        void comprehension(const Expr& e)
        {
            Scope* scope = m_scopes.at(&e);
            Unit u(*scope, m_vm.heap.make<Code>());
            m_vm.m_codes.push_back(u.code);
            Code& c = *u.code;
            c.name = scope->name;
            c.qualname = scope->qualname;
            c.filename = m_filename;
            c.first_line = e.line;
            c.positional = 1;
            c.is_comprehension = true;
            Unit* saved = m_unit;
            m_unit = &u;
            u.line = e.line;
            prologue(*scope);
            const bool is_dict = e.kind == ExprKind::dictcomp;
            emit(is_dict ? Op::build_dict : Op::build_list, 0);
            emit(Op::load_fast, 0);
            comprehension_loop(e, 0);
            emit(Op::return_value);
            m_unit = saved;
            if (m_failed)
                return;
            finish(u);
            std::uint32_t flags = 0;
            closure(*scope, flags);
            emit(Op::load_const, add_const(Value::from_obj(&c)));
            emit(Op::make_function, flags);
            expr(*e.gens[0].iter);
            emit(Op::get_iter);
            emit(Op::call, 1);
            if (e.kind == ExprKind::genexp)
                emit(Op::get_iter);  // evaluated eagerly, iterated like a generator
        }

        /// One `for` clause (its iterator is on the stack), then the next, then the element.
        void comprehension_loop(const Expr& e, std::size_t level)
        {
            const Comprehension& g = e.gens[level];
            const std::uint32_t top = here();
            const std::size_t exit = emit(Op::for_iter);
            store(*g.target);
            for (auto& cond : g.ifs)
            {
                expr(*cond);
                emit(Op::pop_jump_if_false, top);
            }
            if (level + 1 < e.gens.size())
            {
                expr(*e.gens[level + 1].iter);
                emit(Op::get_iter);
                comprehension_loop(e, level + 1);
            }
            else
            {
                const auto depth = std::uint32_t(e.gens.size() + 1);
                if (e.kind == ExprKind::dictcomp)
                {
                    expr(*e.kids[0]);
                    expr(*e.kids[1]);
                    emit(Op::dict_set, depth);
                }
                else
                {
                    expr(*e.kids[0]);
                    emit(Op::list_append, depth);
                }
            }
            emit(Op::jump, top);
            patch_here(exit);
        }

        // ------------------------------------------------------------ expressions

        /// The index of a subscript: a slice builds a slice object.
        void index_expr(const Expr& e) { expr(e); }

        void expr(const Expr& e)
        {
            if (m_failed)
                return;
            const int saved_line = m_unit->line;
            m_unit->line = e.line;
            switch (e.kind)
            {
            case ExprKind::name:
                name(e.str, Access::load);
                break;
            case ExprKind::none:
                emit(Op::load_none);
                break;
            case ExprKind::true_:
                emit(Op::load_true);
                break;
            case ExprKind::false_:
                emit(Op::load_false);
                break;
            case ExprKind::ellipsis:
                emit(Op::load_const, add_const(m_vm.m_ellipsis));
                break;
            case ExprKind::integer:
                integer(e, false);
                break;
            case ExprKind::floating:
                emit(Op::load_const, add_const(Value::from_float(std::strtod(e.str.c_str(), nullptr))));
                break;
            case ExprKind::string:
                emit(Op::load_const, str_const(e.str));
                break;
            case ExprKind::fstring:
                fstring(e);
                break;
            case ExprKind::formatted_value:
                formatted_value(e);
                break;
            case ExprKind::binop:
                expr(*e.kids[0]);
                expr(*e.kids[1]);
                m_unit->line = e.line;
                emit(Op::binary, std::uint32_t(e.op));
                break;
            case ExprKind::unop:
                if (e.op == int(UnOp::neg) && (e.kids[0]->kind == ExprKind::integer) && !e.kids[0]->parenthesized)
                {
                    integer(*e.kids[0], true);
                    break;
                }
                if (e.op == int(UnOp::neg) && e.kids[0]->kind == ExprKind::floating && !e.kids[0]->parenthesized)
                {
                    emit(Op::load_const, add_const(Value::from_float(-std::strtod(e.kids[0]->str.c_str(), nullptr))));
                    break;
                }
                expr(*e.kids[0]);
                m_unit->line = e.line;
                emit(Op::unary, std::uint32_t(e.op));
                break;
            case ExprKind::boolop:
            {
                std::vector<std::size_t> ends;
                for (std::size_t i = 0; i < e.kids.size(); ++i)
                {
                    expr(*e.kids[i]);
                    if (i + 1 < e.kids.size())
                        ends.push_back(emit(e.op == 0 ? Op::jump_if_false_or_pop : Op::jump_if_true_or_pop));
                }
                for (auto j : ends)
                    patch_here(j);
                break;
            }
            case ExprKind::compare:
                compare(e);
                break;
            case ExprKind::ifexp:
            {
                expr(*e.kids[0]);
                const std::size_t orelse = emit(Op::pop_jump_if_false);
                expr(*e.kids[1]);
                const std::size_t end = emit(Op::jump);
                patch_here(orelse);
                expr(*e.kids[2]);
                patch_here(end);
                break;
            }
            case ExprKind::call:
                call(e);
                break;
            case ExprKind::attribute:
                expr(*e.kids[0]);
                m_unit->line = e.line;
                emit(Op::load_attr, name_index(e.str));
                break;
            case ExprKind::subscript:
                expr(*e.kids[0]);
                index_expr(*e.kids[1]);
                m_unit->line = e.line;
                emit(Op::binary_subscr);
                break;
            case ExprKind::slice:
                for (int i = 0; i < 3; ++i)
                {
                    if (i == 2 && !e.kids[2])
                        break;
                    if (e.kids[std::size_t(i)])
                        expr(*e.kids[std::size_t(i)]);
                    else
                        emit(Op::load_none);
                }
                emit(Op::build_slice, e.kids[2] ? 3 : 2);
                break;
            case ExprKind::starred:
                fail("can't use starred expression here", e.line, e.col);
                break;
            case ExprKind::list:
            case ExprKind::tuple:
                sequence(e);
                break;
            case ExprKind::set:
                fail("sets are not supported in NeuronLab's Python", e.line, e.col);
                break;
            case ExprKind::dict:
                dict(e);
                break;
            case ExprKind::listcomp:
            case ExprKind::dictcomp:
            case ExprKind::genexp:
                comprehension(e);
                break;
            case ExprKind::setcomp:
                fail("sets are not supported in NeuronLab's Python", e.line, e.col);
                break;
            case ExprKind::lambda:
                function(*e.func, &e);
                break;
            case ExprKind::namedexpr:
                expr(*e.kids[1]);
                emit(Op::dup_top);
                name(e.kids[0]->str, Access::store);
                break;
            case ExprKind::yield:
                fail("'yield' is not supported in NeuronLab's Python", e.line, e.col);
                break;
            }
            m_unit->line = saved_line;
        }

        void integer(const Expr& e, bool negate)
        {
            BigInt v;
            if (!BigInt::parse(e.str, e.base, v))
                return fail("invalid integer literal", e.line, e.col);
            if (e.base == 10 && e.str.size() > limits::int_max_str_digits)
                return fail("Exceeds the limit (" + std::to_string(limits::int_max_str_digits) +
                                " digits) for integer string conversion: value has " + std::to_string(e.str.size()) +
                                " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                                "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                            e.line, e.col);
            if (negate)
                v = -v;
            if (v.fits_int64())
            {
                const std::int64_t i = v.to_int64();
                if (i >= 0 && std::uint64_t(i) <= max_oparg)
                    emit(Op::load_small_int, std::uint32_t(i));
                else
                    emit(Op::load_const, add_const(Value::from_int(i)));
                return;
            }
            emit(Op::load_const, add_const(Value::from_obj(m_vm.heap.make<BigIntObj>(std::move(v)))));
        }

        void fstring(const Expr& e)
        {
            if (e.kids.empty())
            {
                emit(Op::load_const, str_const(""));
                return;
            }
            for (auto& part : e.kids)
                expr(*part);
            if (e.kids.size() > 1 || e.kids[0]->kind != ExprKind::string)
                emit(Op::build_string, std::uint32_t(e.kids.size()));
        }

        void formatted_value(const Expr& e)
        {
            expr(*e.kids[0]);
            std::uint32_t arg = std::uint32_t(e.op);
            if (e.kids[1])
            {
                fstring(*e.kids[1]);
                arg |= 0x100;
            }
            emit(Op::format_value, arg);
        }

        void compare(const Expr& e)
        {
            expr(*e.kids[0]);
            if (e.ops.size() == 1)
            {
                expr(*e.kids[1]);
                m_unit->line = e.line;
                emit(Op::compare, std::uint32_t(e.ops[0]));
                return;
            }
            std::vector<std::size_t> cleanups;
            for (std::size_t i = 0; i < e.ops.size(); ++i)
            {
                expr(*e.kids[i + 1]);
                m_unit->line = e.line;
                if (i + 1 < e.ops.size())
                {
                    emit(Op::dup_top);
                    emit(Op::rot_three);
                    emit(Op::compare, std::uint32_t(e.ops[i]));
                    cleanups.push_back(emit(Op::jump_if_false_or_pop));
                }
                else
                    emit(Op::compare, std::uint32_t(e.ops[i]));
            }
            const std::size_t end = emit(Op::jump);
            for (auto c : cleanups)
                patch_here(c);
            emit(Op::rot_two);
            emit(Op::pop_top);
            patch_here(end);
        }

        bool has_star(const std::vector<ExprPtr>& kids, std::size_t from = 0)
        {
            for (std::size_t i = from; i < kids.size(); ++i)
                if (kids[i] && kids[i]->kind == ExprKind::starred)
                    return true;
            return false;
        }

        void call(const Expr& e)
        {
            const Expr& func = *e.kids[0];
            const std::size_t nargs = e.kids.size() - 1;
            bool dstar = false;
            for (auto& kw : e.keywords)
                dstar = dstar || kw.name.empty();
            const bool star = has_star(e.kids, 1);
            if (star || dstar)
            {
                expr(func);
                // Positional arguments as a tuple.
                emit(Op::build_list, 0);
                for (std::size_t i = 1; i < e.kids.size(); ++i)
                {
                    if (e.kids[i]->kind == ExprKind::starred)
                    {
                        expr(*e.kids[i]->kids[0]);
                        emit(Op::list_extend, 1);
                    }
                    else
                    {
                        expr(*e.kids[i]);
                        emit(Op::list_append, 1);
                    }
                }
                emit(Op::list_to_tuple);
                std::uint32_t flags = 0;
                if (!e.keywords.empty())
                {
                    emit(Op::build_dict, 0);
                    for (auto& kw : e.keywords)
                    {
                        if (kw.name.empty())
                        {
                            expr(*kw.value);
                            emit(Op::dict_update, 1);
                        }
                        else
                        {
                            emit(Op::load_const, str_const(kw.name));
                            expr(*kw.value);
                            emit(Op::dict_set, 1);
                        }
                    }
                    flags = 1;
                }
                m_unit->line = e.line;
                emit(Op::call_ex, flags);
                return;
            }
            const bool method = func.kind == ExprKind::attribute;
            if (method)
            {
                expr(*func.kids[0]);
                m_unit->line = func.line;
                emit(Op::load_method, name_index(func.str));
            }
            else
                expr(func);
            for (std::size_t i = 1; i < e.kids.size(); ++i)
                expr(*e.kids[i]);
            for (auto& kw : e.keywords)
                expr(*kw.value);
            const auto total = std::uint32_t(nargs + e.keywords.size());
            m_unit->line = e.line;
            if (!e.keywords.empty())
            {
                std::vector<Value> names;
                for (auto& kw : e.keywords)
                    names.push_back(Value::from_obj(m_vm.intern(kw.name)));
                emit(Op::load_const, add_const(m_vm.new_tuple(std::move(names))));
                emit(method ? Op::call_method_kw : Op::call_kw, total);
            }
            else
                emit(method ? Op::call_method : Op::call, total);
        }

        void sequence(const Expr& e)
        {
            const bool star = has_star(e.kids);
            const std::size_t n = e.kids.size();
            const Op build = e.kind == ExprKind::list ? Op::build_list : Op::build_tuple;
            if (!star && n <= 64)
            {
                for (auto& k : e.kids)
                    expr(*k);
                emit(build, std::uint32_t(n));
                return;
            }
            // Long or starred displays grow one item at a time: the stack stays small.
            emit(Op::build_list, 0);
            for (auto& k : e.kids)
            {
                if (k->kind == ExprKind::starred)
                {
                    expr(*k->kids[0]);
                    emit(Op::list_extend, 1);
                }
                else
                {
                    expr(*k);
                    emit(Op::list_append, 1);
                }
            }
            if (e.kind == ExprKind::tuple)
                emit(Op::list_to_tuple);
        }

        void dict(const Expr& e)
        {
            const std::size_t pairs = e.kids.size() / 2;
            bool dstar = false;
            for (std::size_t i = 0; i < pairs; ++i)
                dstar = dstar || !e.kids[2 * i];
            if (!dstar && pairs <= 32)
            {
                for (auto& k : e.kids)
                    expr(*k);
                emit(Op::build_dict, std::uint32_t(pairs));
                return;
            }
            emit(Op::build_dict, 0);
            for (std::size_t i = 0; i < pairs; ++i)
            {
                if (!e.kids[2 * i])
                {
                    expr(*e.kids[2 * i + 1]);
                    emit(Op::dict_update, 1);
                }
                else
                {
                    expr(*e.kids[2 * i]);
                    expr(*e.kids[2 * i + 1]);
                    emit(Op::dict_set, 1);
                }
            }
        }

        Vm& m_vm;
        std::string m_filename;
        SyntaxIssue& m_issue;
        bool m_failed = false;
        std::map<const void*, Scope*> m_scopes;
        Unit* m_unit = nullptr;
    };

    bool compile(Vm& vm, const Program& program, std::string_view filename, Code*& out, SyntaxIssue& issue)
    {
        Compiler c(vm, filename, issue);
        out = c.module(program);
        return out != nullptr;
    }
}
