package id.spm.rules;

/**
 * The twelve basic health services (jenis layanan dasar) of Permenkes 6/2024, with the budget
 * sub-activity codes the regions use (digest section 2).
 */
public enum SpmService {
    ANTENATAL("1.02.02.2.02.0001", "Pelayanan kesehatan ibu hamil",
            "Ibu hamil yang persalinannya terjadi pada tahun berjalan dan mendapat pelayanan antenatal sesuai standar (K6, 2 kontak dokter dengan USG, 10T)",
            "Sasaran ibu bersalin pada tahun yang sama", "§2.1, §9.1"),
    DELIVERY("1.02.02.2.02.0002", "Pelayanan kesehatan ibu bersalin",
            "Ibu bersalin yang mendapat pelayanan persalinan sesuai standar di fasilitas pelayanan kesehatan",
            "Sasaran ibu bersalin", "§2.2, §9.2"),
    NEWBORN("1.02.02.2.02.0003", "Pelayanan kesehatan bayi baru lahir",
            "Bayi baru lahir usia 0–28 hari yang mendapat pelayanan neonatal esensial dan KN1, KN2, KN3 sesuai standar",
            "Sasaran bayi baru lahir", "§2.3, §9.3"),
    BALITA("1.02.02.2.02.0004", "Pelayanan kesehatan balita",
            "Balita 12–23 bulan memenuhi standar 1, 24–35 bulan standar 2, 36–59 bulan standar 3",
            "Balita usia 12–59 bulan pada akhir periode", "§2.4, §9.4"),
    SCHOOL_AGE("1.02.02.2.02.0005", "Pelayanan kesehatan pada usia pendidikan dasar",
            "Anak kelas 1–9 dan usia 7–15 di luar sekolah yang mendapat skrining kesehatan dan imunisasi BIAS sesuai standar",
            "Anak kelas 1–9 dan usia 7–15 tahun di luar sekolah", "§2.5, §9.5"),
    PRODUCTIVE_AGE("1.02.02.2.02.0006", "Pelayanan kesehatan pada usia produktif",
            "Warga usia 15–59 tahun yang mendapat edukasi dan skrining faktor risiko sesuai standar",
            "Warga usia 15–59 tahun", "§2.6, §9.6"),
    ELDERLY("1.02.02.2.02.0007", "Pelayanan kesehatan pada usia lanjut",
            "Warga usia 60 tahun ke atas yang mendapat edukasi dan skrining sesuai standar",
            "Warga usia 60 tahun ke atas", "§2.7, §9.7"),
    HYPERTENSION("1.02.02.2.02.0008", "Pelayanan kesehatan penderita hipertensi",
            "Penderita hipertensi usia ≥ 15 tahun yang mendapat pelayanan sesuai standar setiap bulan",
            "Estimasi penderita hipertensi usia ≥ 15 tahun (prevalensi × penduduk)", "§2.8, §9.8"),
    DIABETES("1.02.02.2.02.0009", "Pelayanan kesehatan penderita diabetes melitus",
            "Penderita DM usia ≥ 15 tahun yang mendapat pemeriksaan klinis dan gula darah setiap bulan",
            "Estimasi penderita DM usia ≥ 15 tahun (prevalensi × penduduk)", "§2.9, §9.9"),
    SEVERE_MENTAL_DISORDER("1.02.02.2.02.0010", "Pelayanan kesehatan orang dengan gangguan jiwa (ODGJ) berat",
            "ODGJ berat yang mendapat pemeriksaan kesehatan jiwa, edukasi dan tatalaksana sesuai standar",
            "Proyeksi ODGJ berat (prevalensi × penduduk, atau SK kepala daerah)", "§2.10, §9.10"),
    TB_PRESUMPTIVE("1.02.02.2.02.0011", "Pelayanan kesehatan orang terduga tuberkulosis",
            "Orang terduga TBC yang mendapat pemeriksaan penunjang (TCM, mikroskopis atau radiologi)",
            "Estimasi terduga TBC = target penemuan TBC ÷ 54 % × 10", "§2.11, §9.11"),
    HIV_RISK("1.02.02.2.02.0012", "Pelayanan kesehatan orang dengan risiko terinfeksi HIV",
            "Orang berisiko terinfeksi HIV yang mendapat tes cepat HIV (R1) minimal 1 kali",
            "Orang berisiko terinfeksi HIV yang ditetapkan kepala daerah", "§2.12, §9.12");

    private static final SpmService[] VALUES = values();

    private final String code;
    private final String title;
    private final String numerator;
    private final String denominator;
    private final String clause;

    SpmService(String code, String title, String numerator, String denominator, String clause) {
        this.code = code;
        this.title = title;
        this.numerator = numerator;
        this.denominator = denominator;
        this.clause = clause;
    }

    /** Budget sub-activity code, e.g. {@code 1.02.02.2.02.0001}. */
    public String code() {
        return code;
    }

    /** Service number 1–12. */
    public int number() {
        return ordinal() + 1;
    }

    public String title() {
        return title;
    }

    public String numeratorText() {
        return numerator;
    }

    public String denominatorText() {
        return denominator;
    }

    /** Sections of the domain digest the rule follows. */
    public String clause() {
        return clause;
    }

    /** By code ({@code 1.02.02.2.02.0001}), by the last digits ({@code 0001}, {@code 1}) or by name. */
    public static SpmService parse(String s) {
        String t = s == null ? "" : s.strip();
        for (SpmService v : VALUES) {
            if (v.code.equals(t) || v.name().equalsIgnoreCase(t)) {
                return v;
            }
        }
        if (t.matches("\\d{1,4}")) {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= VALUES.length) {
                return VALUES[n - 1];
            }
        }
        throw new IllegalArgumentException("unknown SPM service code '" + s + "'");
    }

    public static SpmService ofNumber(int n) {
        if (n < 1 || n > VALUES.length) {
            throw new IllegalArgumentException("service number " + n + " is outside 1–12");
        }
        return VALUES[n - 1];
    }
}
