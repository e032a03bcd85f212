package id.spm.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The kab/kota to generate: its kecamatan and their desa. Callers with the Kemendagri list
 * ({@code kode-wilayah-2025.csv}) build one with {@link #fromKodeWilayah}; {@link #TANA_TORAJA} is built in
 * so the generator works standalone.
 *
 * @param code dotted kab/kota code, e.g. {@code 73.18}
 * @param name kab/kota name
 * @param kecamatan its kecamatan, sorted by code, at least one
 */
public record SampleDistrict(String code, String name, List<SampleKecamatan> kecamatan) {

    private static final Pattern CODE = Pattern.compile("\\d{2}\\.\\d{2}");

    /**
     * Kabupaten Tana Toraja (73.18): its 19 kecamatan and 159 desa/kelurahan per Kepmendagri
     * 300.2.2-2138/2025. Each line: kecamatan suffix | name | desa suffixes.
     */
    private static final String[] TANA_TORAJA_CODES = {
            "01|Salupputti|1009,2010,2011,2012,2013,2014,2015,2016,2017",
            "02|Bittuang|1006,2002,2004,2007,2008,2009,2010,2011,2012,2013,2014,2015,2016,2017,2018",
            "03|Bonggakaradeng|1007,2001,2002,2004,2006,2008",
            "05|Makale|1003,1005,1006,1007,1009,1014,1015,1016,1017,1018,1019,1020,1021,1022,2023",
            "09|Simbuang|1008,2003,2004,2006,2009,2010",
            "11|Rantetayo|1003,1012,1013,2007,2011,2014",
            "12|Mengkendek|1002,1016,1023,1024,2004,2006,2012,2015,2017,2018,2019,2020,2021,2022,2025,2026,2027",
            "13|Sangalla'|1009,1010,2004,2006,2008",
            "19|Gandangbatu Sillanan|1002,1004,1012,2001,2003,2005,2006,2007,2008,2009,2010,2011",
            "20|Rembon|1001,1013,2002,2003,2004,2005,2006,2007,2008,2009,2010,2011,2012",
            "27|Makale Utara|1001,1002,1003,1004,1005",
            "28|Mappak|1004,2001,2002,2003,2005,2006",
            "29|Makale Selatan|1001,1002,1003,1004,2005,2006,2007,2008",
            "31|Masanda|2001,2002,2003,2004,2005,2006,2007,2008",
            "33|Sangalla' Selatan|1005,2001,2002,2003,2004",
            "34|Sangalla' Utara|1001,1006,2002,2003,2004,2005",
            "35|Malimbong Balepe'|1001,2002,2003,2004,2005,2006",
            "37|Rano|2001,2002,2003,2004,2005",
            "38|Kurra|1001,2002,2003,2004,2005,2006" };

    /** Kabupaten Tana Toraja, built in (population 258,934 in the 2025 decree). */
    public static final SampleDistrict TANA_TORAJA = tanaToraja();

    public SampleDistrict {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("district code " + code + " is not dotted 4 digits (73.18)");
        }
        kecamatan = kecamatan.stream().sorted(Comparator.comparing(SampleKecamatan::code)).toList();
        if (kecamatan.isEmpty()) {
            throw new IllegalArgumentException("district " + code + " has no kecamatan");
        }
        String previous = null;
        for (SampleKecamatan k : kecamatan) {
            if (!k.code().startsWith(code + ".")) {
                throw new IllegalArgumentException("kecamatan " + k.code() + " is not in district " + code);
            }
            if (k.code().equals(previous)) {
                throw new IllegalArgumentException("kecamatan " + k.code() + " is listed twice");
            }
            previous = k.code();
        }
    }

    /**
     * The district from the lines of a Kemendagri code list ({@code kode,nama}, dotted codes, as
     * {@code /work/shared/data/wilayah/kode-wilayah-2025.csv}); the caller reads the file. A header line
     * and lines of other districts are skipped; names may be double-quoted.
     *
     * @throws IllegalArgumentException when the list does not hold the district or any of its kecamatan
     */
    public static SampleDistrict fromKodeWilayah(Iterable<String> lines, String districtCode) {
        Objects.requireNonNull(districtCode, "districtCode");
        String name = null;
        Map<String, String> kecNames = new LinkedHashMap<>();
        Map<String, List<String>> desa = new LinkedHashMap<>();
        String prefix = districtCode + ".";
        for (String line : lines) {
            int comma = line.indexOf(',');
            if (comma < 0) {
                continue;
            }
            String code = line.substring(0, comma).strip();
            if (!code.equals(districtCode) && !code.startsWith(prefix)) {
                continue;
            }
            String label = unquote(line.substring(comma + 1).strip());
            if (code.equals(districtCode)) {
                name = label;
            } else if (SampleKecamatan.CODE.matcher(code).matches()) {
                kecNames.put(code, label);
            } else if (SampleKecamatan.DESA.matcher(code).matches()) {
                desa.computeIfAbsent(code.substring(0, 8), k -> new ArrayList<>()).add(code);
            }
        }
        if (name == null || kecNames.isEmpty()) {
            throw new IllegalArgumentException("the code list holds no district " + districtCode + " with kecamatan");
        }
        List<SampleKecamatan> kec = new ArrayList<>();
        kecNames.forEach((k, n) -> kec.add(new SampleKecamatan(k, n, desa.getOrDefault(k, List.of()))));
        return new SampleDistrict(districtCode, name, kec);
    }

    /** Number of desa/kelurahan over all kecamatan. */
    public int desaCount() {
        return kecamatan.stream().mapToInt(k -> k.desaCodes().size()).sum();
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    private static SampleDistrict tanaToraja() {
        List<SampleKecamatan> kec = new ArrayList<>();
        for (String line : TANA_TORAJA_CODES) {
            String[] f = line.split("\\|");
            String code = "73.18." + f[0];
            List<String> desa = new ArrayList<>();
            for (String d : f[2].split(",")) {
                desa.add(code + "." + d);
            }
            kec.add(new SampleKecamatan(code, f[1], desa));
        }
        return new SampleDistrict("73.18", "Kabupaten Tana Toraja", kec);
    }
}
