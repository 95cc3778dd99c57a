package org.trackerkg.server;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.Element1;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;
import org.trackerkg.base.Deadline;

/**
 * The bounds Jena does not keep by itself, for every query the server runs (the SPARQL endpoint, its HTML page, the
 * canned queries):
 * <ul>
 *   <li><b>Time.</b> Jena's own timeouts run on one shared {@code alarm-clock} thread, which one query can stall
 *       (DESIGN.md, known traps). Here each query gets its own cancel flag in its context, set at the deadline by a
 *       clock thread that does nothing else and never waits on a lock; Jena's iterators check that flag.</li>
 *   <li><b>Regular expressions.</b> {@code REGEX} and {@code REPLACE} read their text through a {@link Deadline}
 *       bound to that flag, so a backtracking pattern stops with the query.</li>
 *   <li><b>Nesting.</b> A query nested (operators, UNION/OPTIONAL chains, expression operators, path steps) deeper
 *       than {@value #MAX_DEPTH} is refused before it runs: Jena walks queries recursively and would overflow the
 *       stack.</li>
 *   <li><b>Strings.</b> {@code CONCAT}, {@code REPLACE}, {@code ENCODE_FOR_URI} and the aggregate
 *       {@code GROUP_CONCAT} refuse to build a string longer than {@value #MAX_STRING_CHARS} characters: 30 chained
 *       {@code CONCAT(?v, ?v)} would need gigabytes, and a {@code GROUP_CONCAT} over a cross product as much.</li>
 * </ul>
 */
final class QueryGuard {
  /** The deepest a query may nest; see the class comment. */
  static final int MAX_DEPTH = 200;
  /** The longest string a query may build, in characters. */
  static final int MAX_STRING_CHARS = 1 << 20;

  /** Sets cancel flags at deadlines; its tasks never block, so no query can hold up another's deadline. */
  private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tkg-query-deadline");
    t.setDaemon(true);
    return t;
  });

  private QueryGuard() {}

  /** A query refused for its shape or for what it builds (a 400, never retried as is). */
  static final class TooComplex extends QueryExecException {
    private static final long serialVersionUID = 1L;

    TooComplex(String message) {
      super(message);
    }
  }

  /** Parses SPARQL 1.1; a query nested too deeply for the parser is {@link TooComplex}. */
  static Query parse(String text, Syntax syntax) {
    try {
      return QueryFactory.create(text, syntax);
    } catch (StackOverflowError e) {
      throw tooDeep();
    } catch (QueryParseException e) {
      // Jena's parser turns any Throwable, a stack overflow included, into a parse error
      if (e.getCause() instanceof StackOverflowError
          || (e.getMessage() != null && e.getMessage().contains("StackOverflowError"))) {
        throw tooDeep();
      }
      throw e;
    }
  }

  static TooComplex tooDeep() {
    return new TooComplex("Query too complex: nested deeper than " + MAX_DEPTH
        + " levels (operators, UNION or OPTIONAL chains, expression operators, path steps)");
  }

  /**
   * The query as it will run: nesting checked, regex and string functions replaced by bounded ones, whose regexes
   * stop {@code millis} from now at the latest (Jena's optimiser may evaluate them before the query runs, outside any
   * cancel flag). The caller runs it with {@link #deadline}.
   */
  static Query bounded(Query query, long millis) {
    new Depth().query(query, 0);
    try {
      return QueryTransformOps.transform(query, new ElementTransformCopyBase(),
          new Bounding(System.nanoTime() + millis * 1_000_000L));
    } catch (StackOverflowError e) {
      throw tooDeep();
    }
  }

  /**
   * A copy of {@code base} with a fresh cancel flag that is set {@code millis} from now: Jena checks it in every
   * iterator, and the bounded regexes check it as they read.
   */
  static Context deadline(Context base, long millis) {
    Context cxt = base == null ? new Context() : base.copy();
    AtomicBoolean cancel = new AtomicBoolean(false);
    cxt.set(ARQConstants.symCancelQuery, cancel);
    CLOCK.schedule(() -> cancel.set(true), millis, TimeUnit.MILLISECONDS);
    return cxt;
  }

  /** Counts nesting over the syntax, stopping at the limit (never deeper than that itself). */
  private static final class Depth {
    void query(Query q, int d) {
      check(d);
      if (q.getQueryPattern() != null) {
        element(q.getQueryPattern(), d + 1);
      }
      exprs(q.getProject(), d + 1);
      exprs(q.getGroupBy(), d + 1);
      if (q.getHavingExprs() != null) {
        q.getHavingExprs().forEach(e -> expr(e, d + 1));
      }
      if (q.getOrderBy() != null) {
        for (SortCondition s : q.getOrderBy()) {
          expr(s.getExpression(), d + 1);
        }
      }
    }

    private void exprs(VarExprList l, int d) {
      if (l != null) {
        l.getExprs().values().forEach(e -> expr(e, d));
      }
    }

    void element(Element e, int d) {
      check(d);
      if (e instanceof ElementGroup g) {
        // a group's parts are joined one after the other: n parts nest n deep in the algebra
        List<Element> parts = g.getElements();
        for (int i = 0; i < parts.size(); i++) {
          element(parts.get(i), d + 1 + (parts.get(i) instanceof ElementFilter ? 0 : i));
        }
      } else if (e instanceof ElementUnion u) {
        List<Element> parts = u.getElements();
        for (int i = 0; i < parts.size(); i++) {
          element(parts.get(i), d + 1 + i);
        }
      } else if (e instanceof ElementOptional o) {
        element(o.getOptionalElement(), d + 1);
      } else if (e instanceof ElementMinus m) {
        element(m.getMinusElement(), d + 1);
      } else if (e instanceof ElementNamedGraph g) {
        element(g.getElement(), d + 1);
      } else if (e instanceof ElementService s) {
        element(s.getElement(), d + 1);
      } else if (e instanceof Element1 one) {
        element(one.getElement(), d + 1);
      } else if (e instanceof ElementFilter f) {
        expr(f.getExpr(), d + 1);
      } else if (e instanceof ElementBind b) {
        expr(b.getExpr(), d + 1);
      } else if (e instanceof ElementAssign a) {
        expr(a.getExpr(), d + 1);
      } else if (e instanceof ElementSubQuery s) {
        query(s.getQuery(), d + 1);
      } else if (e instanceof ElementPathBlock p) {
        for (TriplePath tp : p.getPattern().getList()) {
          if (tp.getPath() != null) {
            path(tp.getPath(), d + 1);
          }
        }
      }
    }

    void expr(Expr e, int d) {
      check(d);
      if (e instanceof ExprFunctionOp op && op.getElement() != null) {
        element(op.getElement(), d + 1);
      }
      if (e instanceof ExprAggregator a) {
        ExprList l = a.getAggregator().getExprList();
        if (l != null) {
          l.forEach(x -> expr(x, d + 1));
        }
      } else if (e instanceof ExprFunction f) {
        for (Expr arg : f.getArgs()) {
          expr(arg, d + 1);
        }
      }
    }

    void path(Path p, int d) {
      check(d);
      if (p instanceof P_Path1 one) {
        path(one.getSubPath(), d + 1);
      } else if (p instanceof P_Path2 two) {
        path(two.getLeft(), d + 1);
        path(two.getRight(), d + 1);
      }
    }

    private static void check(int d) {
      if (d > MAX_DEPTH) {
        throw tooDeep();
      }
    }
  }

  /** Replaces the functions that run regexes or build strings by bounded equivalents. */
  private static final class Bounding extends ExprTransformCopy {
    private final long deadlineNanos;

    Bounding(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
      if (func instanceof E_Regex && !(func instanceof Regex)) {
        return new Regex(args, deadlineNanos);
      }
      if (func instanceof E_StrReplace && !(func instanceof Replace)) {
        return new Replace(args, deadlineNanos);
      }
      if (func instanceof E_StrConcat && !(func instanceof Concat)) {
        return new Concat(args);
      }
      return super.transform(func, args);
    }

    @Override
    public Expr transform(ExprAggregator eAgg) {
      Aggregator agg = eAgg.getAggregator();
      if (agg instanceof AggGroupConcat g) {
        return new ExprAggregator(eAgg.getVar(), new GroupConcat(g.getExprList().get(0), g.getSeparator(), false));
      }
      if (agg instanceof AggGroupConcatDistinct g) {
        return new ExprAggregator(eAgg.getVar(), new GroupConcat(g.getExprList().get(0), g.getSeparator(), true));
      }
      return super.transform(eAgg);
    }

    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
      if (func instanceof E_StrEncodeForURI && !(func instanceof EncodeForUri)) {
        return new EncodeForUri(arg);
      }
      return super.transform(func, arg);
    }
  }

  private static AtomicBoolean cancel(FunctionEnv env) {
    return env == null || env.getContext() == null ? null : Context.getCancelSignal(env.getContext());
  }

  /** A string argument's text (a plain or language-tagged literal); anything else is an evaluation error. */
  private static String stringOf(String function, NodeValue v) {
    if (!v.isString() && !v.isLangString()) {
      throw new ExprEvalException(function + ": not a string: " + v);
    }
    return v.asNode().getLiteralLexicalForm();
  }

  private static NodeValue sized(NodeValue v, String function) {
    if (v.isLiteral() && v.asNode().getLiteralLexicalForm().length() > MAX_STRING_CHARS) {
      throw tooLong(function);
    }
    return v;
  }

  private static TooComplex tooLong(String function) {
    return new TooComplex("Query builds too long a string: " + function + " over " + MAX_STRING_CHARS
        + " characters");
  }

  /** The longest regular expression a query may use: compiling one is quadratic in its length, and not interruptible. */
  static final int MAX_PATTERN_CHARS = org.trackerkg.dossier.Signature.MAX_PATTERN_CHARS;

  private static String boundedPattern(String function, NodeValue pattern) {
    String p = pattern.getString();
    if (p.length() > MAX_PATTERN_CHARS) {
      throw new TooComplex("Query too complex: a " + function + " pattern longer than " + MAX_PATTERN_CHARS
          + " characters");
    }
    return p;
  }

  /** REGEX over text that stops reading when the query is cancelled. */
  static final class Regex extends E_Regex {
    private final long deadlineNanos;
    private transient AtomicBoolean cancel;

    Regex(ExprList args, long deadlineNanos) {
      super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      cancel = cancel(env);
      return eval(args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      String text = stringOf("REGEX", args.get(0));
      String flags = args.size() > 2 ? args.get(2).getString() : null;
      java.util.regex.Pattern p = RegexEngine.makePattern("REGEX", boundedPattern("REGEX", args.get(1)), flags);
      try {
        return NodeValue.booleanReturn(p.matcher(Deadline.until(text, cancel, deadlineNanos)).find());
      } catch (Deadline.Expired e) {
        throw new QueryCancelledException();
      }
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Regex(newArgs, deadlineNanos);
    }
  }

  /** REPLACE that stops with the query and refuses to build an over-long string. */
  static final class Replace extends E_StrReplace {
    private final long deadlineNanos;
    private transient AtomicBoolean cancel;

    Replace(ExprList args, long deadlineNanos) {
      super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      cancel = cancel(env);
      return eval(args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      NodeValue arg = args.get(0);
      String text = stringOf("REPLACE", arg);
      String flags = args.size() > 3 && args.get(3) != null ? args.get(3).getString() : null;
      java.util.regex.Pattern p = RegexEngine.makePattern("REPLACE", boundedPattern("REPLACE", args.get(1)), flags);
      String replacement = args.get(2).getString();
      try {
        if (p.matcher("").matches()) {
          throw new ExprEvalException("REPLACE: the pattern matches the empty string");
        }
        java.util.regex.Matcher m = p.matcher(Deadline.until(text, cancel, deadlineNanos));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(out, replacement);
          if (out.length() > MAX_STRING_CHARS) {
            throw tooLong("REPLACE");
          }
        }
        m.appendTail(out);
        if (out.length() > MAX_STRING_CHARS) {
          throw tooLong("REPLACE");
        }
        String lang = arg.asNode().getLiteralLanguage();
        return lang == null || lang.isEmpty() ? NodeValue.makeString(out.toString())
            : NodeValue.makeLangString(out.toString(), lang);
      } catch (Deadline.Expired e) {
        throw new QueryCancelledException();
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new ExprEvalException("REPLACE: " + e.getMessage());
      }
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Replace(newArgs, deadlineNanos);
    }
  }

  /** CONCAT that adds up its arguments' lengths before building anything. */
  static final class Concat extends E_StrConcat {
    Concat(ExprList args) {
      super(args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      long total = 0;
      for (NodeValue v : args) {
        if (v.isLiteral()) {
          total += v.asNode().getLiteralLexicalForm().length();
        }
      }
      if (total > MAX_STRING_CHARS) {
        throw tooLong("CONCAT");
      }
      return super.eval(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Concat(newArgs);
    }
  }

  /** ENCODE_FOR_URI grows its input up to ninefold: checked after. */
  static final class EncodeForUri extends E_StrEncodeForURI {
    EncodeForUri(Expr arg) {
      super(arg);
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return sized(super.eval(v), "ENCODE_FOR_URI");
    }

    @Override
    public Expr copy(Expr arg) {
      return new EncodeForUri(arg);
    }
  }

  /**
   * GROUP_CONCAT (with or without DISTINCT) that refuses to grow past {@value #MAX_STRING_CHARS} characters, checked
   * before each value is appended. It prints and compares as Jena's own, whose accumulator has no bound.
   */
  static final class GroupConcat extends AggGroupConcat {
    private final String effectiveSeparator;
    private final boolean distinct;

    GroupConcat(Expr expr, String separator, boolean distinct) {
      super(expr, separator);
      this.effectiveSeparator = separator == null ? " " : separator;
      this.distinct = distinct;
    }

    @Override
    public Aggregator copy(ExprList exprs) {
      return new GroupConcat(exprs.get(0), getSeparator(), distinct);
    }

    @Override
    public Accumulator createAccumulator() {
      return new AccumulatorExpr(getExpr(), distinct) {
        private final StringBuilder sofar = new StringBuilder();
        private boolean first = true;

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
          String s = nv.asString();
          if ((long) sofar.length() + (first ? 0 : effectiveSeparator.length()) + s.length() > MAX_STRING_CHARS) {
            throw tooLong("GROUP_CONCAT");
          }
          if (!first) {
            sofar.append(effectiveSeparator);
          }
          sofar.append(s);
          first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        protected NodeValue getAccValue() {
          return NodeValue.makeString(sofar.toString());
        }
      };
    }

    @Override
    public String toPrefixString() {
      return distinct ? new AggGroupConcatDistinct(getExpr(), getSeparator()).toPrefixString() : super.toPrefixString();
    }

    @Override
    public String asSparqlExpr(org.apache.jena.sparql.serializer.SerializationContext cxt) {
      return distinct ? new AggGroupConcatDistinct(getExpr(), getSeparator()).asSparqlExpr(cxt)
          : super.asSparqlExpr(cxt);
    }
  }
}
