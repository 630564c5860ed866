using Cleaner.Core.Model;
using Cleaner.Core.Segmentation;

namespace Cleaner.Core.Classification.Detectors;

/// <summary>Labels blocks by the phrases of one data-file category. A short block with a phrase, or a longer
/// block with several, is labelled outright; a long block with a single phrase (an article may mention
/// "cookies" or "subscribe") is only proposed, and the region selector decides it by position.</summary>
public abstract class PhraseDetector : IBlockDetector
{
    protected PhraseDetector(string category, BlockKind kind)
    {
        Category = category;
        Kind = kind;
    }

    public string Category { get; }
    public BlockKind Kind { get; }
    public virtual string Name => Category;

    /// <summary>Blocks up to this effective length are labelled on one phrase.</summary>
    protected virtual int ShortBlock => 200;

    /// <summary>Whether a long block with few hits is proposed to the region selector (false for kinds
    /// whose phrases are common words inside running text, such as "reply" or "home").</summary>
    protected virtual bool ProposesUnsure => true;

    /// <summary>Blocks longer than this need hits covering a share of their text.</summary>
    protected virtual int LongBlock => 600;

    public virtual void Detect(PageContext page)
    {
        var matcher = page.Phrases.Matcher(Category);
        if (matcher.Count == 0) return;
        foreach (int index in page.BlocksWithPhrase(Category))
        {
            var block = page.Blocks[index];
            if (block.IsDecided || LeavesToOther(page, block)) continue;
            var hits = page.PhraseHits(block, Category);
            if (hits.IsEmpty) continue;
            int distinct = 0, covered = 0;
            for (int i = 0; i < hits.Length; i++)
            {
                covered += hits[i].Length;
                bool repeat = false;
                for (int j = 0; j < i && !repeat; j++) repeat = hits[j].Phrase == hits[i].Phrase;
                if (!repeat) distinct++;
            }
            int len = block.EffectiveLength;
            var reason = $"{Category} phrase \"{hits[0].Phrase}\"" + (distinct > 1 ? $" (+{distinct - 1} more)" : "");
            if (IsSure(block, len, distinct, covered))
                block.Label(Kind, Name, reason);
            else if (ProposesUnsure)
                page.Propose(block, new Candidate(Kind, Name, reason, distinct));
        }
    }

    /// <summary>Whether a later, more specific detector should have this block.</summary>
    protected virtual bool LeavesToOther(PageContext page, Block block) => false;

    /// <summary>The phrases are a small part of a prose block: the text mentions the topic, it is not the thing.</summary>
    protected static bool MentionedInProse(Block block, int coveredChars) =>
        coveredChars * 8 < block.Text.Length && TextMetrics.IsProse(block.Text);

    protected virtual bool IsSure(Block block, int effectiveLength, int distinctHits, int coveredChars) =>
        effectiveLength <= ShortBlock ||
        distinctHits >= 2 && effectiveLength <= LongBlock ||
        distinctHits >= 3 ||
        coveredChars * 8 >= block.Text.Length;
}

public sealed class CookieConsentDetector() : PhraseDetector("cookie-consent", BlockKind.CookieConsent);

public sealed class DonationAppealDetector() : PhraseDetector("donation-appeal", BlockKind.DonationAppeal);

public sealed class SubscriptionDetector() : PhraseDetector("subscription", BlockKind.Subscription)
{
    // Many languages use one verb for both ("Suscríbete a nuestro boletín", "Подпишитесь на рассылку").
    protected override bool LeavesToOther(PageContext page, Block block) => page.HasPhrase(block, "newsletter");
}

public sealed class NewsletterDetector() : PhraseDetector("newsletter", BlockKind.Newsletter)
{
    protected override int ShortBlock => 120;
}

public sealed class LegalNoticeDetector() : PhraseDetector("legal-notice", BlockKind.LegalNotice)
{
    protected override int ShortBlock => 160;

    // A sentence that mentions "terms of service" or a "disclaimer" once is the article talking about them:
    // only proposed, the main-content choice decides.
    protected override bool IsSure(Block block, int effectiveLength, int distinctHits, int coveredChars) =>
        base.IsSure(block, effectiveLength, distinctHits, coveredChars) &&
        !(distinctHits == 1 && effectiveLength >= 100 && MentionedInProse(block, coveredChars));
}

public sealed class SitePromoDetector() : PhraseDetector("site-promo", BlockKind.SitePromo);

public sealed class AdvertisementDetector() : PhraseDetector("advertisement", BlockKind.Advertisement)
{
    protected override bool ProposesUnsure => false;

    // "Advertisement" labels stand alone; in a sentence the word is content.
    protected override int ShortBlock => 25;
}

/// <summary>Share/follow prompts are short: "Share this", "Follow us on".</summary>
public sealed class ShareDetector() : PhraseDetector("share", BlockKind.Share)
{
    protected override bool ProposesUnsure => false;

    protected override int ShortBlock => 40;
}

/// <summary>"Read more", "Related articles" headers and teasers, and teasers led by such a phrase and a colon
/// ("Lire aussi : …", "Lesen Sie auch: …", "SEE ALSO: headline", "Lea más: headline").</summary>
public sealed class RelatedDetector() : PhraseDetector("related", BlockKind.Related)
{
    protected override bool ProposesUnsure => false;

    protected override int ShortBlock => 40;

    /// <summary>A teaser is a headline: longer blocks led by "Read more:" are left alone.</summary>
    private const int TeaserBlock = 250;

    public override void Detect(PageContext page)
    {
        foreach (int index in page.BlocksWithPhrase(Category))
        {
            var block = page.Blocks[index];
            if (block.IsDecided || block.EffectiveLength > TeaserBlock) continue;
            var folded = page.Folded(block);
            foreach (var hit in page.PhraseHits(block, Category))
            {
                if (hit.Start > 2) break;
                var after = folded.AsSpan(hit.Start + hit.Length).TrimStart();
                if (after.Length > 0 && after[0] == ':' && after.Length > 1)
                {
                    block.Label(Kind, Name, $"teaser led by \"{hit.Phrase}:\"");
                    break;
                }
            }
        }
        base.Detect(page);
    }
}

/// <summary>Comment-section markers: "Comments", "Leave a reply".</summary>
public sealed class CommentsDetector() : PhraseDetector("comments", BlockKind.Comments)
{
    protected override bool ProposesUnsure => false;

    protected override int ShortBlock => 30;

    /// <summary>Comment-section markers are short; a sentence that talks about comments and replies is text.</summary>
    protected override bool IsSure(Block block, int effectiveLength, int distinctHits, int coveredChars) =>
        base.IsSure(block, effectiveLength, distinctHits, coveredChars) &&
        !(effectiveLength > 150 && MentionedInProse(block, coveredChars) && TextMetrics.EndsSentence(block.Text));
}

/// <summary>Menu items and skip links: only blocks that are little more than the phrase.</summary>
public sealed class NavigationDetector() : PhraseDetector("navigation", BlockKind.Navigation)
{
    protected override bool ProposesUnsure => false;

    protected override bool IsSure(Block block, int effectiveLength, int distinctHits, int coveredChars) =>
        coveredChars * 10 >= block.EffectiveLength * 6 && effectiveLength <= 40;
}
