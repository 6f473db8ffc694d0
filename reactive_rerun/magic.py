"""Streamlit's "magic": a value on a line of its own is written with ``st.write``.

The script's syntax tree is rewritten before it is compiled: each expression statement becomes
a call of ``__rr_magic__`` with the value. Left alone, as in Streamlit: docstrings (of the file,
functions and classes), calls (``st.header(...)`` has nothing to show), ``await`` and ``yield``.
"""

from __future__ import annotations

import ast

NAME = "__rr_magic__"


class _Magic(ast.NodeTransformer):
    def _body(self, body: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for i, stmt in enumerate(body):
            if isinstance(stmt, ast.Expr) and _shown(stmt.value, docstring=i == 0 and self._doc):
                call = ast.Call(ast.Name(NAME, ast.Load()), [stmt.value], [])
                out.append(ast.copy_location(ast.Expr(call), stmt))
            else:
                out.append(self.visit(stmt))
        return out

    _doc = True

    def visit_Module(self, node: ast.Module) -> ast.Module:
        self._doc = True
        node.body = self._body(node.body)
        return node

    def _scope(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> ast.AST:
        outer, self._doc = self._doc, True
        node.body = self._body(node.body)
        self._doc = outer
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scope

    def generic_visit(self, node: ast.AST) -> ast.AST:
        outer, self._doc = self._doc, False
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                setattr(node, field, self._body(body))
        for handler in getattr(node, "handlers", []) or []:
            handler.body = self._body(handler.body)
        for case in getattr(node, "cases", []) or []:
            case.body = self._body(case.body)
        self._doc = outer
        return node


def _shown(value: ast.expr, *, docstring: bool) -> bool:
    if isinstance(value, ast.Call | ast.Await | ast.Yield | ast.YieldFrom):
        return False
    if docstring and isinstance(value, ast.Constant) and isinstance(value.value, str):
        return False
    return not (isinstance(value, ast.Constant) and value.value is Ellipsis)


def transform(tree: ast.Module) -> ast.Module:
    """Rewrite ``tree`` in place so each displayable expression statement is written."""
    result = _Magic().visit(tree)
    ast.fix_missing_locations(result)
    assert isinstance(result, ast.Module)
    return result


__all__ = ["NAME", "transform"]
