package demo

import (
	"strings"

	"amur"
)

// writeTexts writes the title and description of a in the three languages:
// first in the host's language (sometimes in English), the others
// translated, some of them by a machine.
func (b *builder) writeTexts(a *amur.Activity, p *plan) {
	p.orig = sideLang(p.side)
	if chance(b.rng, 0.12) {
		p.orig = amur.EN
	}
	title := pick(b.rng, titleTemplates[p.typ]).fill(p.topic, p.side, p.orig)
	if (p.typ == amur.Forum || p.typ == amur.Exhibition) && p.format != amur.Online {
		c := cities[p.host.city]
		title.ZH += "（" + c.zh + "）"
		title.RU += " (" + c.ru + ")"
		title.EN += " (" + c.en + ")"
	}
	p.machine = machineMarks(b.rng, title, 0.35)
	title.Machine = p.machine
	a.Title = title

	parts := []amur.Text{
		aimTemplates[p.typ].fill(p.topic, p.side, p.orig),
		tri(p.orig, "合作单位："+p.host.zh+"；"+p.partner.zh+"。",
			"Партнёры: "+p.host.ru+"; "+p.partner.ru+".",
			"Partners: "+p.host.en+"; "+p.partner.en+"."),
		placeText(*p),
	}
	if a.Status == amur.Cancelled {
		parts = append(parts, cancelledNote.fill(p.topic, p.side, p.orig))
	}
	desc := joinTexts(parts)
	desc.Machine = p.machine
	a.Description = desc
}

// placeText returns the sentence that says where the activity of p takes
// place.
func placeText(p plan) amur.Text {
	t := placeTemplates[p.format]
	if isProject(p.typ) {
		t = workTemplates[p.format]
	}
	c := cities[p.host.city]
	return tri(p.orig,
		strings.ReplaceAll(t.zh, "{city}", c.zh),
		strings.ReplaceAll(t.ru, "{city}", c.ru),
		strings.ReplaceAll(t.en, "{city}", c.en))
}

// joinTexts joins sentences into one Text: Chinese without spaces, Russian
// and English with them. The result is first written in the language of
// the first part.
func joinTexts(parts []amur.Text) amur.Text {
	var zh, ru, en []string
	for _, t := range parts {
		zh, ru, en = append(zh, t.ZH), append(ru, t.RU), append(en, t.EN)
	}
	return tri(parts[0].Orig, strings.Join(zh, ""), strings.Join(ru, " "), strings.Join(en, " "))
}
