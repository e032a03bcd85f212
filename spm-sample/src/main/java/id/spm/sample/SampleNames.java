package id.spm.sample;

import id.spm.rules.model.Person;
import id.spm.rules.model.Sex;

/**
 * Deterministic fictitious names for generated persons, for the exports' {@code Nama} columns: a
 * given name by sex and a Toraja family name, both chosen from a hash of the pseudonymous id.
 */
public final class SampleNames {

    private static final String[] MALE = { "Yohanis", "Markus", "Daniel", "Petrus", "Samuel", "Agus", "Rudi", "Andi",
            "Yusuf", "Paulus", "Stefanus", "Benyamin", "Simon", "Eka", "Budi", "Lukas", "Frans", "Yakob", "Demianus",
            "Hendrik" };
    private static final String[] FEMALE = { "Maria", "Yuliana", "Marta", "Ester", "Debora", "Agustina", "Sri", "Dewi",
            "Rina", "Lidia", "Selvi", "Novita", "Yohana", "Ruth", "Natalia", "Elisabeth", "Magdalena", "Herlina",
            "Sarce", "Yanti" };
    private static final String[] FAMILY = { "Pabunga", "Rante", "Sampe", "Tandi", "Palinggi", "Tangdilintin",
            "Pakiding", "Parinding", "Rombe", "Sarungallo", "Tandiarrang", "Bua", "Lembang", "Datu", "Paembonan", "Allo",
            "Kondorura", "Pasulu", "Patandianan", "Tulak" };

    private SampleNames() {
    }

    /** A name such as {@code Yohanis Sarungallo}; the same person always gets the same name. */
    public static String of(Person person) {
        long h = Rng.mix(person.id().hashCode() * 0x9E3779B97F4A7C15L + person.birthDate().toEpochDay());
        String[] given = person.sex() == Sex.MALE ? MALE : FEMALE;
        int a = (int) Math.floorMod(h, (long) given.length);
        int b = (int) Math.floorMod(h >>> 20, (long) FAMILY.length);
        return given[a] + " " + FAMILY[b];
    }
}
