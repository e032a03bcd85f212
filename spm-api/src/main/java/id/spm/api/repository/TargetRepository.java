package id.spm.api.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.entity.PrevalenceRow;
import id.spm.api.entity.TargetRow;
import io.quarkus.panache.common.Sort;

/** Sasaran figures ({@code target}, every figure kept; the latest is in force) and stored prevalence rates. */
@ApplicationScoped
public class TargetRepository {

    /** Stores a figure in the caller's transaction (its id and timestamp are set). */
    public void add(TargetRow t) {
        t.persist();
    }

    /** The districts' figures of a year in the order they were set. */
    public List<TargetRow> inDistricts(Collection<String> districts, int year) {
        return TargetRow.list("kabkotaCode in ?1 and year = ?2 order by createdAt, id", districts, (short) year);
    }

    /**
     * Every figure of the area and the areas below it for a year (of one service when {@code serviceCode} is not
     * null), by area and service, newest first.
     */
    public List<TargetRow> under(String area, int year, String serviceCode) {
        String q = "year = ?1 and (areaCode = ?2 or areaCode like ?3)";
        return serviceCode == null
                ? TargetRow.list(q, Sort.by("areaCode").and("serviceCode").and("createdAt", Sort.Direction.Descending)
                        .and("id", Sort.Direction.Descending), (short) year, area, area + ".%")
                : TargetRow.list(q + " and serviceCode = ?4",
                        Sort.by("areaCode").and("createdAt", Sort.Direction.Descending).and("id",
                                Sort.Direction.Descending),
                        (short) year, area, area + ".%", serviceCode);
    }

    /** The figure in force of an area, year and service. */
    public Optional<TargetRow> latest(String area, int year, String serviceCode) {
        return TargetRow.<TargetRow> find("areaCode = ?1 and year = ?2 and serviceCode = ?3",
                Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending), area,
                (short) year, serviceCode).firstResultOptional();
    }

    /** The district's prevalence of a service, else the national one ({@code 0}), the newest year first. */
    public Optional<PrevalenceRow> prevalence(String serviceCode, String kabkota) {
        return PrevalenceRow.<PrevalenceRow> find("serviceCode = ?1 and (areaCode = ?2 or areaCode = ?3)",
                Sort.by("areaCode", Sort.Direction.Descending).and("year", Sort.Direction.Descending), serviceCode,
                kabkota, "0").firstResultOptional();
    }
}
