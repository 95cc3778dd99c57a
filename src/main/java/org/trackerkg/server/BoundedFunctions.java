package org.trackerkg.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
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
import org.apache.jena.sparql.util.Context;
import org.trackerkg.base.Deadline;

/**
 * The SPARQL functions that run regular expressions or build strings, replaced by bounded equivalents for every
 * query the server runs ({@link QueryGuard#bounded}): regexes read their text through a {@link Deadline} bound to the
 * query's cancel flag, and no function builds a string longer than {@value QueryGuard#MAX_STRING_CHARS} characters.
 */
final class BoundedFunctions {
  private BoundedFunctions() {}

  /** Replaces the functions that run regexes or build strings by bounded equivalents. */
  static final class Bounding extends ExprTransformCopy {
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
    if (v.isLiteral() && v.asNode().getLiteralLexicalForm().length() > QueryGuard.MAX_STRING_CHARS) {
      throw tooLong(function);
    }
    return v;
  }

  private static QueryGuard.TooComplex tooLong(String function) {
    return new QueryGuard.TooComplex("Query builds too long a string: " + function + " over " + QueryGuard.MAX_STRING_CHARS
        + " characters");
  }

  /** The longest regular expression a query may use: compiling one is quadratic in its length, and not interruptible. */
  static final int MAX_PATTERN_CHARS = org.trackerkg.dossier.Signature.MAX_PATTERN_CHARS;

  private static String boundedPattern(String function, NodeValue pattern) {
    String p = pattern.getString();
    if (p.length() > MAX_PATTERN_CHARS) {
      throw new QueryGuard.TooComplex("Query too complex: a " + function + " pattern longer than " + MAX_PATTERN_CHARS
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
          if (out.length() > QueryGuard.MAX_STRING_CHARS) {
            throw tooLong("REPLACE");
          }
        }
        m.appendTail(out);
        if (out.length() > QueryGuard.MAX_STRING_CHARS) {
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
      if (total > QueryGuard.MAX_STRING_CHARS) {
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
   * GROUP_CONCAT (with or without DISTINCT) that refuses to grow past {@value #QueryGuard.MAX_STRING_CHARS} characters, checked
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
          if ((long) sofar.length() + (first ? 0 : effectiveSeparator.length()) + s.length() > QueryGuard.MAX_STRING_CHARS) {
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
