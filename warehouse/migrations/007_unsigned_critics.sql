-- v7: a review without a byline is kept, credited to its publication's unsigned critic.
ALTER TABLE critics ADD COLUMN unsigned BOOLEAN DEFAULT false;
COMMENT ON COLUMN critics.unsigned IS 'True for the "unsigned" critic of a publication: reviews whose page names no critic. Critic-level analytics (critic_leanings, remake_bias) leave these out.';
