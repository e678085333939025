package org.dxaflow.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.conf.ConfException;
import org.dxaflow.pathway.PathwaySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The median, the nearest-rank percentile, percentages, age bands, conf/kpi.yaml and the CSV, by hand. */
class KpiArithmeticTest {

    private static final PathwaySettings PATHWAY = new PathwaySettings(6, Set.of(DayOfWeek.MONDAY), Set.of(),
            ZoneId.of("Europe/London"));

    @TempDir
    Path dir;

    @Test
    void medianIsTheMiddleOrTheMeanOfTheTwoMiddleValues() {
        assertNull(KpiStats.median(List.of()));
        assertEquals(new BigDecimal("7.0"), KpiStats.median(List.of(7L)));
        assertEquals(new BigDecimal("3.0"), KpiStats.median(List.of(9L, 1L, 3L)));      // 1 3 9
        assertEquals(new BigDecimal("4.5"), KpiStats.median(List.of(10L, 1L, 3L, 6L))); // 1 3 6 10: (3+6)/2
    }

    @Test
    void p90IsTheNearestRank() {
        assertNull(KpiStats.nearestRank(List.of(), 90));
        // n = 10: rank ceil(9.0) = 9 -> the 9th of 1..10
        assertEquals(9L, KpiStats.nearestRank(List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), 90));
        // n = 11: rank ceil(9.9) = 10
        assertEquals(10L, KpiStats.nearestRank(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), 90));
        // n = 1: rank ceil(0.9) = 1
        assertEquals(4L, KpiStats.nearestRank(List.of(4L), 90));
        // n = 3, 50th: rank ceil(1.5) = 2
        assertEquals(5L, KpiStats.nearestRank(List.of(9L, 5L, 1L), 50));
    }

    @Test
    void percentHasOneDecimalHalfUp() {
        assertNull(KpiStats.percent(0, 0));
        assertEquals(new BigDecimal("33.3"), KpiStats.percent(1, 3));   // 33.33
        assertEquals(new BigDecimal("66.7"), KpiStats.percent(2, 3));   // 66.67
        assertEquals(new BigDecimal("12.5"), KpiStats.percent(1, 8));
        assertEquals(new BigDecimal("0.1"), KpiStats.percent(1, 2000)); // 0.05 -> 0.1
        assertEquals(new BigDecimal("100.0"), KpiStats.percent(4, 4));
    }

    @Test
    void ageBandsAndAgeOnTheScanDay() {
        KpiSettings s = new KpiSettings(6, List.of(40, 50, 65, 75), ZoneId.of("UTC"));
        assertEquals(List.of("<40", "40-49", "50-64", "65-74", "75+"), s.ageBands());
        assertEquals("<40", s.ageBand(39));
        assertEquals("40-49", s.ageBand(40));
        assertEquals("50-64", s.ageBand(64));
        assertEquals("65-74", s.ageBand(65));
        assertEquals("75+", s.ageBand(103));
        assertEquals(64, KpiSettings.age(LocalDate.of(1961, 3, 20), LocalDate.of(2026, 3, 19)));
        assertEquals(65, KpiSettings.age(LocalDate.of(1961, 3, 20), LocalDate.of(2026, 3, 20)));
        assertEquals(42, s.targetDays());
        assertThrows(IllegalArgumentException.class, () -> new KpiSettings(6, List.of(50, 40), ZoneId.of("UTC")));
    }

    @Test
    void theShippedConfReadsAsTheBandsItDocuments() {
        KpiSettings s = new KpiSettingsLoader().load(Path.of("conf", KpiSettingsLoader.FILE), PATHWAY);
        assertEquals(List.of(40, 50, 65, 75), s.ageBandLowerBounds());
        assertEquals(6, s.targetWeeks());
        assertEquals(ZoneId.of("Europe/London"), s.zone());
    }

    @Test
    void aMissingKeyOrBoundsOutOfOrderStopWithFileAndLine() throws Exception {
        Path missing = Files.writeString(dir.resolve("missing.yaml"), "ageBands: [40]\n");
        ConfException e = assertThrows(ConfException.class, () -> new KpiSettingsLoader().load(missing, PATHWAY));
        assertTrue(e.getMessage().contains("ageBandLowerBounds"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'ageBands'"), e.getMessage());
        Path unordered = Files.writeString(dir.resolve("unordered.yaml"), "ageBandLowerBounds: [50, 40]\n");
        e = assertThrows(ConfException.class, () -> new KpiSettingsLoader().load(unordered, PATHWAY));
        assertTrue(e.getMessage().contains("unordered.yaml:1"), e.getMessage());
        assertTrue(e.getMessage().contains("ascending"), e.getMessage());
    }

    @Test
    void csvQuotesWhatNeedsItAndLeavesUncomputedFiguresEmpty() {
        ServiceKpis.Durations none = new ServiceKpis.Durations(0, null, null, null, null);
        ServiceKpis k = new ServiceKpis(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                new ServiceKpis.Referrals(1, Map.of("FRAX", 1L),
                        new ServiceKpis.Sources(Map.of("A,1", 1L), Map.of("R\"1", 1L)),
                        new ServiceKpis.Returned(0, Map.of())),
                new ServiceKpis.WaitingTimes(0, null, null, 42, 0, null),
                new ServiceKpis.Rate(0, 0, null), new ServiceKpis.Rate(0, 0, null), none,
                new ServiceKpis.WhoCategories(0, List.of(), List.of()), null,
                new ServiceKpis.OnwardReferral(0, 0), none);
        List<String> lines = List.of(new KpiCsv().write(k).split("\r\n"));
        assertEquals("kpi,group,key,value", lines.get(0));
        assertTrue(lines.contains("referrals.bySource.byPractice,,\"A,1\",1"), lines.toString());
        assertTrue(lines.contains("referrals.bySource.byReferrer,,\"R\"\"1\",1"), lines.toString());
        assertTrue(lines.contains("waitingTimes.medianDays,,,"), lines.toString());
        assertTrue(lines.contains("onwardReferralPercent,,,"), lines.toString());
    }
}
