using Cleaner.Core.Classification;
using Cleaner.Core.Input;
using Cleaner.Core.Knowledge;
using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Tests.Detectors;

/// <summary>Builds pages from dump lines (real snippets from the dev corpus) for detector tests.</summary>
internal static class DumpPage
{
    public static List<Block> Segment(params string[] lines) =>
        new TextDumpSegmenter(PhraseBook.Default).Segment(string.Join("\n", lines));

    /// <summary>The page after the whole classification stage.</summary>
    public static PageContext Classify(params string[] lines)
    {
        var page = new PageContext(Segment(lines), InputFormat.TextDump, PhraseBook.Default);
        foreach (var detector in CleanerPipeline.DefaultDetectors()) detector.Detect(page);
        return page;
    }

    public static Article Clean(params string[] lines) =>
        new CleanerPipeline().Clean(InputDocument.FromText("test", string.Join("\n", lines))).Article;

    public static Block Find(this PageContext page, string text) => page.Blocks.Single(b => b.Text == text);

    /// <summary>Filler paragraphs so that the region selector has an article to find.</summary>
    public static string[] Paragraphs(string language) => language switch
    {
        "de" =>
        [
            "Am Sonntagabend kam es auf der Autobahn zu einem schweren Verkehrsunfall. Ein Autofahrer verstarb noch auf der Unfallstelle, eine weitere Autofahrerin wurde verletzt ins Spital gebracht.",
            "Im Einsatz standen verschiedene Dienste der Kantonspolizei, zwei Ambulanzteams, die Rega sowie die Berufsfeuerwehr. Die Kantonspolizei hat Ermittlungen zum Unfallhergang aufgenommen.",
        ],
        "fr" =>
        [
            "Vingt-cinq ans après mai 1968, les grandes grèves de 1995 furent un moment historique dans la prise de conscience collective du néolibéralisme et de ses effets sur la société.",
            "Pour réaliser ce programme, il impose aux populations un nouveau grand récit sur le sens de l’histoire et sur la fin de l’évolution, que les gouvernements successifs ont repris.",
        ],
        "es" =>
        [
            "La operadora de la red de transmisión de gas de Ucrania anunció ayer que desde las siete de la mañana de este miércoles dejará de aceptar el gas ruso en el punto de entrada.",
            "Gazprom concluyó que es tecnológicamente imposible transferir volúmenes a otro punto basándose en el diagrama de flujo ruso, porque el sistema no lo permite en este momento.",
        ],
        "pl" =>
        [
            "Stopa bezrobocia w Polsce wyniosła 3,1 proc. w marcu i nadal jest najniższa w całej Unii Europejskiej, podał w piątek urząd statystyczny Eurostat w swoim komunikacie.",
            "Liczba bezrobotnych w Polsce wyniosła 534 tys. w marcu wobec 540 tys. miesiąc wcześniej, a w całej Unii stopa bezrobocia w tym ujęciu wyniosła w marcu 7,3 proc.",
        ],
        _ =>
        [
            "Dresden Drive is closed between Ellijay Drive and Apple Valley Road due to a gas leak, the police department reported at 1:30 p.m. on Wednesday afternoon.",
            "The gas leak may have been caused by nearby construction, but the police were unable to confirm details. The city is building its new city hall two blocks away.",
        ],
    };
}
