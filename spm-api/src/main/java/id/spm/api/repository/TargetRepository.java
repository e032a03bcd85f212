package id.spm.api.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import id.spm.api.entity.Prevalence;
import id.spm.api.entity.Target;
import io.quarkus.panache.common.Sort;

/** Sasaran figures ({@code target}, every figure kept; the latest is in force) and stored prevalence rates. */
@ApplicationScoped
public class TargetRepository {

    /** Stores a figure in the caller's transaction (its id and timestamp are set). */
    public void add(Target t) {
        t.persist();
    }

    /** The districts' figures of a year in the order they were set. */
    public List<Target> inDistricts(Collection<String> districts, int year) {
        return Target.list("kabkotaCode in ?1 and year = ?2 order by createdAt, id", districts, (short) year);
    }

    /**
     * Every figure of the area and the areas below it for a year (of one service when {@code serviceCode} is not
     * null), by area and service, newest first.
     */
    public List<Target> under(String area, int year, String serviceCode) {
        String q = "year = ?1 and (areaCode = ?2 or areaCode like ?3)";
        return serviceCode == null
                ? Target.list(q, Sort.by("areaCode").and("serviceCode").and("createdAt", Sort.Direction.Descending)
                        .and("id", Sort.Direction.Descending), (short) year, area, area + ".%")
                : Target.list(q + " and serviceCode = ?4",
                        Sort.by("areaCode").and("createdAt", Sort.Direction.Descending).and("id",
                                Sort.Direction.Descending),
                        (short) year, area, area + ".%", serviceCode);
    }

    /** The figure in force of an area, year and service. */
    public Optional<Target> latest(String area, int year, String serviceCode) {
        return Target.<Target> find("areaCode = ?1 and year = ?2 and serviceCode = ?3",
                Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending), area,
                (short) year, serviceCode).firstResultOptional();
    }

    /** The district's prevalence of a service, else the national one ({@code 0}), the newest year first. */
    public Optional<Prevalence> prevalence(String serviceCode, String kabkota) {
        return Prevalence.<Prevalence> find("serviceCode = ?1 and (areaCode = ?2 or areaCode = ?3)",
                Sort.by("areaCode", Sort.Direction.Descending).and("year", Sort.Direction.Descending), serviceCode,
                kabkota, "0").firstResultOptional();
    }
}
