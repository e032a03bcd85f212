package id.spm.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.area.AreaScope;
import id.spm.api.error.ApiException;
import id.spm.api.repository.PuskesmasRepository;
import id.spm.api.repository.RegionRepository;

/**
 * The caller's areas and roles, from the bearer token ({@code areas}, {@code groups}). Every read
 * and write is limited to these areas and their descendants: a region code covers the regions below
 * it and the Puskesmas of its kecamatan; a Puskesmas code covers that Puskesmas only; {@code *}
 * covers the country.
 */
@RequestScoped
public class CallerScope {

    /** Claim naming the caller's areas: a list of region or Puskesmas codes. */
    public static final String AREAS_CLAIM = "areas";

    private final JsonWebToken token;
    private final PuskesmasRepository registry;
    private final RegionRepository regions;
    private Set<String> areas;

    @Inject
    public CallerScope(JsonWebToken token, PuskesmasRepository registry, RegionRepository regions) {
        this.token = token;
        this.registry = registry;
        this.regions = regions;
    }

    /** The registry, for {@link AreaAccess}: whether a Puskesmas code is registered. */
    PuskesmasRepository registry() {
        return registry;
    }

    /** The region list, for {@link AreaAccess}: whether a region code exists. */
    RegionRepository regions() {
        return regions;
    }

    /** Who is calling ({@code upn}, else {@code sub}). */
    public String subject() {
        String name = token.getName();
        return name == null ? "anonymous" : name;
    }

    public Set<String> roles() {
        return token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
    }

    public boolean hasRole(String role) {
        return roles().contains(role) || roles().contains(Roles.ADMIN);
    }

    /** Normalised area codes of the token, in order. */
    public Set<String> areas() {
        if (areas == null) {
            areas = parseAreas(token.getClaim(AREAS_CLAIM));
        }
        return areas;
    }

    public boolean isNational() {
        return areas().contains(AreaCodeParam.NATIONAL);
    }

    /** Whether the caller may see or change data of this region or Puskesmas code (any accepted form). */
    public boolean covers(String areaOrPuskesmasCode) {
        return scope().covers(AreaCodeParam.normalize(areaOrPuskesmasCode));
    }

    /** The caller's areas as the shared coverage rule, Puskesmas placed by the registry. */
    public AreaScope scope() {
        return new AreaScope(areas(), registry::kecamatanOf);
    }

    /** Throws the API's 403 problem {@code AREA_FORBIDDEN} unless {@link #covers(String)}. */
    public void require(String code) {
        if (!covers(code)) {
            throw ApiException.forbidden("AREA_FORBIDDEN", "Your token does not cover area " + code + ".");
        }
    }

    /** Throws the API's 403 problem {@code ROLE_FORBIDDEN} unless the caller has the role (or admin). */
    public void requireRole(String role) {
        if (!hasRole(role)) {
            throw ApiException.forbidden("ROLE_FORBIDDEN", "This operation needs the role '" + role + "'.");
        }
    }

    /** The caller's Puskesmas codes among the given ones, for filtering lists. */
    public List<String> coveredOf(Collection<String> codes) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            if (covers(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static Set<String> parseAreas(Object claim) {
        Set<String> out = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonString s) {
                    out.add(AreaCodeParam.normalize(s.getString()));
                }
            }
        } else if (claim instanceof Collection<?> list) {
            for (Object v : list) {
                out.add(AreaCodeParam.normalize(String.valueOf(v)));
            }
        } else if (claim instanceof JsonString s) {
            out.add(AreaCodeParam.normalize(s.getString()));
        } else if (claim instanceof String s) {
            out.add(AreaCodeParam.normalize(s));
        }
        return Set.copyOf(out);
    }
}
