package dev.retort.it.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.retort.Expr;
import dev.retort.Func;
import dev.retort.InvalidRequestException;
import dev.retort.NoResultFoundException;
import dev.retort.Row;
import dev.retort.Session;
import dev.retort.it.model.Purchase;
import dev.retort.it.model.Purchase_;
import dev.retort.it.model.Score;
import dev.retort.it.model.Score_;
import dev.retort.it.model.User;
import dev.retort.it.model.User_;

/** Tuple and aggregate queries ({@code session.select}) on every database: rows, typed access, records. */
abstract class SelectCompliance extends DatabaseTest {

    record TeamTotal(String team, long players, Integer points) {
    }

    record NameAge(String name, int age) {
    }

    private void seedScores() {
        try (Session session = sessions.open()) {
            session.addAll(new Score("ann", "red", 10, 2), new Score("ben", "red", 7, 7), new Score("cid", "blue", 3, 9),
                    new Score("dot", "blue", 12, null), new Score("eli", "green", null, 1));
            session.commit();
        }
        sql.take();
    }

    @Test
    void selectedAttributesAreReadTyped() {
        seedScores();
        try (Session session = sessions.open()) {
            List<Row> rows = session.select(Score_.player, Score_.points).where(Score_.team.eq("red"))
                    .orderBy(Score_.player.asc()).all();
            assertThat(rows).hasSize(2);
            String player = rows.get(0).get(Score_.player);
            Integer points = rows.get(0).get(Score_.points);
            assertThat(player).isEqualTo("ann");
            assertThat(points).isEqualTo(10);
            assertThat(rows.get(1).values()).containsExactly("ben", 7);
            assertThat(rows.get(1).get(1)).isEqualTo(7);
        }
        assertThat(sql.takeStatements()).containsExactly(
                "SELECT player, points FROM scores WHERE team = ? ORDER BY player  [red]");
    }

    @Test
    void groupByWithAggregatesAndHaving() {
        seedScores();
        try (Session session = sessions.open()) {
            Expr<Long> players = Func.count();
            Expr<Integer> total = Func.sum(Score_.points);
            List<Row> rows = session.select(Score_.team, players, total, Func.max(Score_.points), Func.min(Score_.points))
                    .groupBy(Score_.team).having(Func.count().gt(1L)).orderBy(Score_.team.asc()).all();
            assertThat(rows).extracting(row -> row.get(Score_.team)).containsExactly("blue", "red");
            assertThat(rows).extracting(row -> row.get(players)).containsExactly(2L, 2L);
            assertThat(rows).extracting(row -> row.get(Func.count())).as("an equal expression finds the column").containsExactly(2L, 2L);
            assertThat(rows).extracting(row -> row.get(total)).containsExactly(15, 17);
            assertThat(rows).extracting(row -> row.get(Func.max(Score_.points))).containsExactly(12, 10);
            assertThat(rows).extracting(row -> row.get(Func.min(Score_.points))).containsExactly(3, 7);
        }
    }

    @Test
    void averagesCountsOfColumnsAndAggregatesWithoutGroups() {
        seedScores();
        try (Session session = sessions.open()) {
            Row row = session.select(Func.count(), Func.count(Score_.points), Func.avg(Score_.points), Func.sum(Score_.bonus))
                    .from(Score.class).one();
            assertThat(row.get(Func.count())).isEqualTo(5L);
            assertThat(row.get(Func.count(Score_.points))).as("nulls are not counted").isEqualTo(4L);
            assertThat(row.get(Func.avg(Score_.points))).isEqualTo(8.0);
            assertThat(row.get(Func.sum(Score_.bonus))).isEqualTo(19);
            assertThat(session.select(Func.avg(Score_.bonus)).where(Score_.team.eq("red")).one().get(0)).isEqualTo(4.5);
            assertThat(session.select(Func.sum(Score_.points)).where(Score_.team.eq("none")).one().get(0))
                    .as("SUM over no rows is null").isNull();
        }
    }

    @Test
    void computedColumnsAndCase() {
        seedScores();
        try (Session session = sessions.open()) {
            Expr<Integer> total = Func.coalesce(Score_.points, 0).plus(Func.coalesce(Score_.bonus, 0));
            Expr<String> label = Func.caseWhen(total.ge(14), "high").otherwise("low");
            Expr<String> tag = Func.upper(Score_.player).concat("/").concat(Score_.team);
            List<Row> rows = session.select(Score_.player, total, label, tag, Func.length(Score_.team))
                    .orderBy(total.desc(), Score_.player.asc()).all();
            assertThat(rows).extracting(row -> row.get(Score_.player)).containsExactly("ben", "ann", "cid", "dot", "eli");
            assertThat(rows).extracting(row -> row.get(total)).containsExactly(14, 12, 12, 12, 1);
            assertThat(rows).extracting(row -> row.get(label)).containsExactly("high", "low", "low", "low", "low");
            assertThat(rows.get(0).get(tag)).isEqualTo("BEN/red");
            assertThat(rows.get(4).get(Func.length(Score_.team))).isEqualTo(5);
        }
    }

    @Test
    void distinctFirstAndPaging() {
        seedScores();
        try (Session session = sessions.open()) {
            assertThat(session.select(Score_.team).distinct().orderBy(Score_.team.asc()).all())
                    .extracting(row -> row.get(Score_.team)).containsExactly("blue", "green", "red");
            assertThat(session.select(Score_.player).orderBy(Score_.player.desc()).first().get(Score_.player)).isEqualTo("eli");
            assertThat(session.select(Score_.player).orderBy(Score_.player.asc()).limit(2).offset(1).all())
                    .extracting(row -> row.get(0)).containsExactly("ben", "cid");
            assertThat(session.select(Score_.player).where(Score_.player.eq("zed")).first()).isNull();
        }
    }

    @Test
    void rowsIntoRecords() {
        seedScores();
        try (Session session = sessions.open()) {
            List<TeamTotal> totals = session.select(Score_.team, Func.count(), Func.sum(Score_.points)).groupBy(Score_.team)
                    .orderBy(Score_.team.asc()).into(TeamTotal.class);
            assertThat(totals).containsExactly(new TeamTotal("blue", 2, 15), new TeamTotal("green", 1, null),
                    new TeamTotal("red", 2, 17));
        }
    }

    @Test
    void selectsSeePendingObjectsAndReservedWords() {
        try (Session session = sessions.open()) {
            session.addAll(new Purchase("ann", "admins", 2), new Purchase("ben", "users", 1), new Purchase("cid", "admins", 3));
            List<Row> rows = session.select(Purchase_.group, Func.sum(Purchase_.order)).groupBy(Purchase_.group)
                    .orderBy(Purchase_.group.asc()).all();
            assertThat(rows).extracting(Row::values).containsExactly(List.of("admins", 5), List.of("users", 1));
        }
    }

    @Test
    void errorsSayWhatToDo() {
        seedScores();
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.select(Func.count()).one()).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session.select(count(*)) selects no attribute, so it has no table to read. To fix this, name "
                            + "it: .from(User.class).");
            Row row = session.select(Score_.player).where(Score_.player.eq("ann")).one();
            assertThatThrownBy(() -> row.get(Score_.team)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("This row has no column Score.team; the query selected Score.player. To fix this, add it to "
                            + "session.select(...), or read the row by index with get(int).");
            assertThatThrownBy(() -> session.select(Score_.player).where(Score_.player.eq("zed")).one())
                    .isInstanceOf(NoResultFoundException.class)
                    .hasMessage("one() found no row for session.select(Score.player) where Score.player = 'zed'; it expects "
                            + "exactly one. To fix this, use first() where no row is a normal outcome.");
            assertThatThrownBy(() -> session.select(Score_.player, Score_.team).into(NameAge.class))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("into(NameAge.class): component age is a int but the column holds a java.lang.String (red). "
                            + "To fix this, declare the component as String.");
            assertThatThrownBy(() -> session.select(Score_.player).into(NameAge.class)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("into(NameAge.class): the record has 2 components (name, age) but the query selects 1 columns "
                            + "(Score.player). To fix this, give the record one component per column, in the same order.");
            assertThatThrownBy(() -> session.select(User_.name, Score_.points).from(Score.class).all())
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessage("session.select(User.name, Score.points) uses columns of User (table users), which it does not "
                            + "read. To fix this, join it: .join(User.class, condition), or use it in a subquery.");
        }
    }
}
